package io.fwgate.mctp.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sends MCTP requests over the serial binding and waits for the matching response: same endpoint, same
 * tag, tag owner clear, same message type. Other messages that arrive meanwhile are discarded, as are
 * corrupt frames and broken messages ({@link #droppedFrames()}, {@link #droppedPackets()}). Tags rotate
 * 0 to 7. Thread-safe: one request at a time.
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
     * @param type the message type
     * @param body the message after the type byte
     * @return the response after its type byte
     * @throws SocketTimeoutException if no response came in time
     * @throws IOException if the line failed
     */
    synchronized byte[] request(int eid, MessageType type, byte[] body) throws IOException {
        int tag = nextTag;
        nextTag = (nextTag + 1) & 7;
        byte[] message = new byte[body.length + 1];
        message[0] = (byte) type.firstByte();
        System.arraycopy(body, 0, message, 1, body.length);
        for (MctpPacket packet : Packetizer.packetize(eid, ownEid, true, tag, message)) {
            link.write(SerialFrames.frame(packet.encode()));
        }
        return awaitResponse(eid, type, tag);
    }

    private byte[] awaitResponse(int eid, MessageType type, int tag) throws IOException {
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
                Optional<byte[]> response = match(bytes, eid, type, tag);
                if (response.isPresent()) {
                    return response.get();
                }
            }
        }
        throw new SocketTimeoutException("MCTP endpoint " + eid + " did not answer within "
                + timeoutNanos / 1_000_000 + " ms");
    }

    private Optional<byte[]> match(byte[] bytes, int eid, MessageType type, int tag) {
        Optional<Reassembler.Message> message = MctpPacket.decode(bytes).flatMap(reassembler::accept);
        if (message.isEmpty()) {
            return Optional.empty();
        }
        Reassembler.Message m = message.get();
        byte[] body = m.body();
        boolean ours = m.source() == eid && m.tag() == tag && !m.tagOwner()
                && (body[0] & 0xff & ~MessageType.INTEGRITY_CHECK) == type.code();
        return ours ? Optional.of(Arrays.copyOfRange(body, 1, body.length)) : Optional.empty();
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
