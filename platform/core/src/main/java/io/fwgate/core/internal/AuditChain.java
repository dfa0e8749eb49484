package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

/** The hash chain's arithmetic, shared by the writer and the verifier. */
final class AuditChain {
    /** The {@code prev} of the first record. */
    static final String GENESIS = "0".repeat(64);

    /** The last complete record of a log: its sequence number and hash. */
    record Tail(long seq, String hash) {
    }

    private AuditChain() {
    }

    /**
     * @param line a record's bytes
     * @param length how many bytes of it to hash (the line without its newline)
     * @return the lower-case hex SHA-256
     */
    static String sha256(byte[] line, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(line, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    static String sha256(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return sha256(bytes, bytes.length);
    }

    /**
     * Finds the last complete record, dropping a trailing partial line: a record is only acknowledged
     * after its whole line was forced to disk, so a partial line was never reported to anyone.
     */
    static Tail recoverTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Tail(0, GENESIS);
        }
        long end = lastNewline(channel, size);
        if (end + 1 < size) {
            channel.truncate(end + 1);
            channel.force(false);
        }
        if (end < 0) {
            return new Tail(0, GENESIS);
        }
        long start = lastNewline(channel, end) + 1;
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
        channel.read(buffer, start);
        String line = new String(buffer.array(), StandardCharsets.UTF_8);
        JsonNode node = Json.MAPPER.readTree(line);
        return new Tail(node.path("seq").asLong(), sha256(line));
    }

    /** @return the offset of the last '\n' before {@code before}, or -1 */
    private static long lastNewline(FileChannel channel, long before) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(4096);
        long pos = before;
        while (pos > 0) {
            long from = Math.max(0, pos - one.capacity());
            one.clear().limit((int) (pos - from));
            channel.read(one, from);
            for (int i = (int) (pos - from) - 1; i >= 0; i--) {
                if (one.get(i) == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }
}
