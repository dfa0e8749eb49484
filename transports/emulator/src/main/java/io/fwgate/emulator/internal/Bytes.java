package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Little-endian payload buffers and the spec's encodings of UUIDs and fixed-width strings. */
final class Bytes {
    private Bytes() {
    }

    static ByteBuffer in(byte[] payload) {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer out(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * UUIDs travel in the byte order of their text form (as Linux {@code uuid_t} and QEMU store them),
     * not as little-endian integers.
     */
    static byte[] uuid(String text) {
        UUID uuid = UUID.fromString(text);
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** @return true if the 16 bytes at {@code offset} of {@code payload} are {@code uuid} */
    static boolean uuidAt(byte[] payload, int offset, byte[] uuid) {
        return Arrays.equals(payload, offset, offset + 16, uuid, 0, 16);
    }

    /** @return {@code text} in ASCII, padded with NULs to {@code width} bytes */
    static byte[] ascii(String text, int width) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), width);
    }

    /** @return {@code text} in ASCII, padded with spaces to {@code width} bytes, as NVMe strings are */
    static byte[] spacePadded(String text, int width) {
        byte[] out = new byte[width];
        Arrays.fill(out, (byte) ' ');
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, out, 0, Math.min(width, ascii.length));
        return out;
    }

    /** @return the little-endian u32 at {@code offset}, as a non-negative long */
    static long u32(ByteBuffer in, int offset) {
        return Integer.toUnsignedLong(in.getInt(offset));
    }

    /** @return the little-endian u16 at {@code offset} */
    static int u16(ByteBuffer in, int offset) {
        return Short.toUnsignedInt(in.getShort(offset));
    }
}
