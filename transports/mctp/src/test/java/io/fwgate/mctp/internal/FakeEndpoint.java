package io.fwgate.mctp.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An MCTP endpoint on the other end of an in-memory serial line: it deframes and reassembles what the
 * requester writes, answers each request with {@link #responder}, and hands its answer back in reads of
 * {@link #chunk} bytes. When it has nothing to read, a read advances the test clock by the timeout asked,
 * as a real wait would, so timeouts need no sleeping.
 */
final class FakeEndpoint implements ByteLink {
    final AtomicLong nanos = new AtomicLong();
    final int eid;
    final SerialDeframer deframer = new SerialDeframer();
    final Reassembler reassembler = new Reassembler(1 << 21);
    final Deque<Byte> toRequester = new ArrayDeque<>();
    /** Maps a request (type byte first) to the response (type byte first), or empty for silence. */
    Function<byte[], Optional<byte[]>> responder = request -> Optional.empty();
    /** Bytes written to the requester before each response: noise, corrupt frames. */
    byte[] prefix = new byte[0];
    int chunk = 4096;

    FakeEndpoint(int eid) {
        this.eid = eid;
    }

    @Override
    public void write(byte[] bytes) {
        for (byte[] packet : deframer.feed(bytes, bytes.length)) {
            MctpPacket.decode(packet).flatMap(reassembler::accept).ifPresent(this::answer);
        }
    }

    private void answer(Reassembler.Message request) {
        responder.apply(request.body()).ifPresent(response -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(prefix);
            MctpRequester.frames(request.source(), eid, false, request.tag(), response).forEach(out::writeBytes);
            for (byte b : out.toByteArray()) {
                toRequester.add(b);
            }
        });
    }

    @Override
    public int read(byte[] buffer, long timeoutNanos) {
        if (toRequester.isEmpty()) {
            nanos.addAndGet(timeoutNanos);
            return 0;
        }
        int count = 0;
        while (count < Math.min(chunk, buffer.length) && !toRequester.isEmpty()) {
            buffer[count++] = toRequester.poll();
        }
        return count;
    }

    static byte[] withType(int type, byte[] body) {
        byte[] message = Arrays.copyOf(new byte[] {(byte) type}, body.length + 1);
        System.arraycopy(body, 0, message, 1, body.length);
        return message;
    }
}
