package io.fwgate.mctp.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Sends MCTP requests over the serial binding and waits for the matching response: same endpoint, same
 * tag, tag owner clear, and a message the caller says answers the request. Other messages that arrive
 * meanwhile are discarded, as are corrupt frames and broken messages ({@link #droppedFrames()},
 * {@link #droppedPackets()}). Tags rotate 0 to 7. Thread-safe: one request at a time.
 */
final class MctpRequester {
    /** The largest message accepted: a 1 MiB CCI payload, its header and the type byte. */
    static final int MAX_MESSAGE = (1 << 20) + 32;

    private final ByteLink link;
    private final int ownEid;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private final SerialDeframer deframer = new SerialDeframer();
    private final Reassembler reassembler = new Reassembler(MAX_MESSAGE);
    private final byte[] buffer = new byte[4096];
    private int nextTag;

    /**
     * @param link the serial line
     * @param ownEid this requester's endpoint id
     * @param nanos the clock the timeout runs on
     * @param timeoutNanos how long to wait for a response
     */
    MctpRequester(ByteLink link, int ownEid, LongSupplier nanos, long timeoutNanos) {
        this.link = link;
        this.ownEid = ownEid;
        this.nanos = nanos;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * @param eid the endpoint
     * @param message the request, its type byte first
     * @param answers true for the message (type byte first) that answers it; others are dropped
     * @return the answer, type byte first
     * @throws SocketTimeoutException if no answer came in time
     * @throws IOException if the line failed
     */
    synchronized byte[] exchange(int eid, byte[] message, Predicate<byte[]> answers) throws IOException {
        int tag = nextTag;
        nextTag = (nextTag + 1) & 7;
        for (MctpPacket packet : Packetizer.packetize(eid, ownEid, true, tag, message)) {
            link.write(SerialFrames.frame(packet.encode()));
        }
        return awaitResponse(eid, tag, answers);
    }

    private byte[] awaitResponse(int eid, int tag, Predicate<byte[]> answers) throws IOException {
        long deadline = nanos.getAsLong() + timeoutNanos;
        for (long left = timeoutNanos; left > 0; left = deadline - nanos.getAsLong()) {
            int count;
            try {
                count = link.read(buffer, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for MCTP endpoint " + eid, e);
            }
            for (byte[] bytes : deframer.feed(buffer, count)) {
                Optional<byte[]> response = match(bytes, eid, tag, answers);
                if (response.isPresent()) {
                    return response.get();
                }
            }
        }
        throw new SocketTimeoutException("MCTP endpoint " + eid + " did not answer within "
                + timeoutNanos / 1_000_000 + " ms");
    }

    /** @return the message the packet completes if it is from the endpoint, answers our tag and the request */
    private Optional<byte[]> match(byte[] bytes, int eid, int tag, Predicate<byte[]> answers) {
        Optional<Reassembler.Message> message = MctpPacket.decode(bytes).flatMap(reassembler::accept);
        if (message.isEmpty()) {
            return Optional.empty();
        }
        Reassembler.Message m = message.get();
        byte[] body = m.body();
        boolean ours = m.source() == eid && m.tag() == tag && !m.tagOwner() && answers.test(body);
        return ours ? Optional.of(body) : Optional.empty();
    }

    /** @return serial frames dropped as corrupt */
    long droppedFrames() {
        return deframer.dropped();
    }

    /** @return packets and partial messages dropped by reassembly */
    long droppedPackets() {
        return reassembler.dropped();
    }

    /** @return the frames that carry {@code message} (type byte first) from {@code source}, for responders */
    static List<byte[]> frames(int destination, int source, boolean tagOwner, int tag, byte[] message) {
        return Packetizer.packetize(destination, source, tagOwner, tag, message).stream()
                .map(packet -> SerialFrames.frame(packet.encode())).toList();
    }
}
