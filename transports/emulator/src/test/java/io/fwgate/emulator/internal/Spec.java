package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import io.fwgate.api.DeviceId;

/**
 * Builds expected payloads by hand, field by field at the spec's offsets, and drives a device on a
 * test clock. Deliberately independent of the production encoders.
 */
final class Spec {
    static final String CEL_UUID = "0da9c0b5-bf41-4b78-8f79-96b1623b3f17";
    static final String PATROL_SCRUB_UUID = "96dad7d6-fde8-482b-a733-75774e06db8a";
    static final String MEMORY_MODULE_UUID = "fe927475-dd59-4339-a586-79bab113b774";
    static final byte[] NONE = new byte[0];

    private Spec() {
    }

    /** A fresh device and the nanosecond clock it runs on. */
    static final class Rig {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        final CxlType3Device device = new CxlType3Device(new DeviceId("emu", "mem0"), nanos::get);

        Answer call(int opcode, byte[] payload) {
            return device.handle(opcode, payload);
        }

        void advanceMillis(long millis) {
            nanos.addAndGet(millis * 1_000_000L);
        }
    }

    /** Writes {@code value} little-endian in {@code width} bytes at {@code offset}. */
    static void le(byte[] target, int offset, long value, int width) {
        for (int i = 0; i < width; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** @return a buffer of {@code size} bytes with the given little-endian fields: offset, value, width... */
    static byte[] fields(int size, long... offsetValueWidth) {
        byte[] out = new byte[size];
        for (int i = 0; i < offsetValueWidth.length; i += 3) {
            le(out, (int) offsetValueWidth[i], offsetValueWidth[i + 1], (int) offsetValueWidth[i + 2]);
        }
        return out;
    }

    /** @return the UUID's 16 bytes in the order its text is written */
    static byte[] uuid(String text) {
        return HexFormat.of().parseHex(text.replace("-", ""));
    }

    static void put(byte[] target, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    static void putAscii(byte[] target, int offset, String text) {
        put(target, offset, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the 18-byte Get Health Info block: 4 status bytes, s16 temperature at 4, counters zero */
    static byte[] health(int additionalStatus, int lifeUsed, int temperature) {
        return fields(0x12, 2, additionalStatus, 1, 3, lifeUsed, 1, 4, temperature, 2);
    }

    static void assertOk(Answer answer, byte[] expected) {
        assertThat(answer.code()).isEqualTo(CxlReturnCode.SUCCESS);
        assertThat(answer.payload()).containsExactly(expected);
    }

    static void assertFails(Answer answer, CxlReturnCode code) {
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.payload()).isEmpty();
    }
}
