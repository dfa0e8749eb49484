package io.fwgate.emulator.internal.mctp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.mctp.SerialCodec;
import io.fwgate.mctp.SerialLine;

/**
 * The emulated MCTP endpoint's side of a serial line: a thread reads the line, reassembles messages
 * addressed to the endpoint's EID or the null EID, and writes {@link MctpResponder}'s answers back, framed
 * and packetized (DSP0253, DSP0236). Corrupt frames and broken messages are dropped and counted.
 */
final class MctpPtyEndpoint implements AutoCloseable {
    /** How often the reader looks up from the line to see whether it should stop. */
    private static final long POLL_NANOS = 100_000_000L;

    private final SerialLine line;
    private final int eid;
    private final MctpResponder responder;
    private final Thread reader;
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong droppedPackets = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param line the line, closed by {@link #close()}
     * @param eid the endpoint's EID
     * @param responder what it answers
     */
    MctpPtyEndpoint(SerialLine line, int eid, MctpResponder responder) {
        this.line = line;
        this.eid = eid;
        this.responder = responder;
        this.reader = new Thread(this::serve, "fwgate-emulated-mctp " + line.path());
        reader.setDaemon(true);
    }

    /**
     * @param eid the endpoint's EID
     * @param fmApi the emulated switch, which answers FM API messages
     * @param nvme the emulated NVMe controller whose subsystem NVMe-MI reports on
     * @return an endpoint, not yet started, on a new pseudo-terminal
     * @throws IOException if no pseudo-terminal can be had
     */
    static MctpPtyEndpoint onPseudoterminal(int eid, EmulatedDevice fmApi, EmulatedDevice nvme) throws IOException {
        return new MctpPtyEndpoint(SerialLine.openPseudoterminal(), eid, new MctpResponder(eid, fmApi, nvme));
    }

    void start() {
        reader.start();
    }

    String path() {
        return line.path();
    }

    /** @return frames dropped as corrupt so far */
    long droppedFrames() {
        return droppedFrames.get();
    }

    /** @return packets and partial messages dropped by reassembly so far */
    long droppedPackets() {
        return droppedPackets.get();
    }

    private void serve() {
        SerialCodec codec = new SerialCodec();
        byte[] buffer = new byte[4096];
        try {
            while (running) {
                int count = line.read(buffer, POLL_NANOS);
                List<SerialCodec.Message> messages = codec.feed(buffer, count);
                // counted before answering: whoever reads an answer sees the drops that came before it
                droppedFrames.set(codec.droppedFrames());
                droppedPackets.set(codec.droppedPackets());
                for (SerialCodec.Message message : messages) {
                    answer(message);
                }
            }
        } catch (IOException e) {
            if (running) {
                System.err.println("fwgate: the emulated MCTP endpoint on " + line.path() + " stopped: "
                        + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(SerialCodec.Message message) throws IOException {
        boolean ours = message.destination() == eid || message.destination() == 0;
        if (!ours || !message.tagOwner()) {
            return;
        }
        Optional<byte[]> response;
        try {
            response = responder.answer(message.body());
        } catch (RuntimeException e) {
            // an emulated device failing must not end the endpoint: this request goes unanswered
            System.err.println("fwgate: the emulated MCTP endpoint could not answer: " + e);
            return;
        }
        if (response.isPresent()) {
            for (byte[] frame : SerialCodec.frames(message.source(), eid, false, message.tag(), response.get())) {
                line.write(frame);
            }
        }
    }

    /** Stops the reader (within its poll interval) and closes the line. */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            line.close();
        }
    }
}
