package io.fwgate.kit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A little-endian payload filled by hand at the byte offsets a specification's table gives: the way to
 * build decoder fixtures from the spec rather than from the decoder's own output. Each setter writes at an
 * absolute offset and returns this payload; bytes not written stay zero. Not thread-safe.
 *
 * <pre>{@code
 * byte[] healthInfo = new Payload(18).u8(0, 0x01).u8(3, 42).u16(4, 37).bytes();
 * }</pre>
 */
public final class Payload {
    private final ByteBuffer buffer;

    /**
     * @param size the payload's length in bytes
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Payload(int size) {
        buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes the low 8 bits of {@code value} at {@code offset}. */
    public Payload u8(int offset, int value) {
        buffer.put(offset, (byte) value);
        return this;
    }

    /** Writes the low 16 bits of {@code value} at {@code offset}, little-endian. */
    public Payload u16(int offset, int value) {
        buffer.putShort(offset, (short) value);
        return this;
    }

    /** Writes the low 32 bits of {@code value} at {@code offset}, little-endian. */
    public Payload u32(int offset, long value) {
        buffer.putInt(offset, (int) value);
        return this;
    }

    /** Writes {@code value} at {@code offset}, little-endian. */
    public Payload u64(int offset, long value) {
        buffer.putLong(offset, value);
        return this;
    }

    /** Writes {@code text} as US-ASCII bytes at {@code offset}, without a terminator. */
    public Payload ascii(int offset, String text) {
        buffer.put(offset, text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /**
     * Writes bytes given as hex at {@code offset}, in the order written, e.g. a UUID in the big-endian
     * byte order payloads carry it; dashes are ignored.
     *
     * @throws IllegalArgumentException if {@code hex} is not an even number of hex digits
     */
    public Payload hex(int offset, String hex) {
        buffer.put(offset, HexFormat.of().parseHex(hex.replace("-", "")));
        return this;
    }

    /** @return a copy of the payload's bytes */
    public byte[] bytes() {
        return buffer.array().clone();
    }
}
