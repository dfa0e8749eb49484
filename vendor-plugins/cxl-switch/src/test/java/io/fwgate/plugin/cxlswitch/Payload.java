package io.fwgate.plugin.cxlswitch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A little-endian payload filled by hand at the offsets a specification table gives. */
final class Payload {
    private final ByteBuffer buffer;

    Payload(int size) {
        buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    Payload u8(int offset, int value) {
        buffer.put(offset, (byte) value);
        return this;
    }

    Payload u16(int offset, int value) {
        buffer.putShort(offset, (short) value);
        return this;
    }

    Payload u32(int offset, long value) {
        buffer.putInt(offset, (int) value);
        return this;
    }

    Payload u64(int offset, long value) {
        buffer.putLong(offset, value);
        return this;
    }

    Payload ascii(int offset, String text) {
        return hex(offset, HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Writes bytes given as hex, e.g. a UUID in the big-endian byte order payloads use. */
    Payload hex(int offset, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace("-", ""));
        buffer.put(offset, bytes);
        return this;
    }

    byte[] bytes() {
        return buffer.array().clone();
    }
}
