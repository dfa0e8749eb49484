package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Effect;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * Reads a CXL device's Command Effects Log: Get Supported Logs (0400h) to learn the CEL's size, then
 * Get Log (0401h) in chunks. Entries are {@code { le16 opcode; le16 effect; }}.
 */
final class CelReader {
    static final int GET_SUPPORTED_LOGS = 0x0400;
    static final int GET_LOG = 0x0401;
    /** CEL UUID 0da9c0b5-bf41-4b78-8f79-96b1623b3f17 as it appears in payloads. */
    static final byte[] CEL_UUID = HexFormat.of().parseHex("0da9c0b5bf414b788f7996b1623b3f17");
    private static final int CHUNK = 1024;
    /** A CEL has one 4-byte entry per opcode: 64 Ki opcodes at the very most. */
    private static final long MAX_CEL = 0x10000L * 4;

    private CelReader() {
    }

    /**
     * @param transport the device's transport
     * @param device the device
     * @return the device's reported effects, or none with the reason
     */
    static DeviceEffects read(Transport transport, DeviceId device) {
        try {
            DeviceResponse logs = transport.send(device, new DeviceRequest(GET_SUPPORTED_LOGS, new byte[0], Map.of(), CHUNK));
            if (!logs.ok()) {
                return DeviceEffects.none("the device did not list its logs (return code " + logs.status() + ")");
            }
            long size = celSize(logs.payload());
            if (size < 0) {
                return DeviceEffects.none("the device lists no Command Effects Log");
            }
            if (size > MAX_CEL || size % 4 != 0) {
                return DeviceEffects.none("the device reports an implausible CEL size " + size);
            }
            return parse(readLog(transport, device, (int) size));
        } catch (IOException | RuntimeException e) {
            return DeviceEffects.none("the CEL could not be read: " + e.getMessage());
        }
    }

    /** Get Supported Logs output: u16 count at 0, entries of {uuid[16], le32 size} from offset 8. */
    static long celSize(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        if (payload.length < 8) {
            return -1;
        }
        int count = Short.toUnsignedInt(in.getShort(0));
        for (int i = 0; i < count && 8 + (i + 1) * 20 <= payload.length; i++) {
            int at = 8 + i * 20;
            if (ByteBuffer.wrap(payload, at, 16).equals(ByteBuffer.wrap(CEL_UUID))) {
                return Integer.toUnsignedLong(in.getInt(at + 16));
            }
        }
        return -1;
    }

    private static byte[] readLog(Transport transport, DeviceId device, int size) throws IOException {
        ByteBuffer log = ByteBuffer.allocate(size);
        while (log.hasRemaining()) {
            int length = Math.min(CHUNK, log.remaining());
            ByteBuffer in = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            in.put(CEL_UUID).putInt(log.position()).putInt(length);
            DeviceResponse out = transport.send(device, new DeviceRequest(GET_LOG, in.array(), Map.of(), length));
            byte[] chunk = out.payload();
            if (!out.ok() || chunk.length == 0 || chunk.length > length) {
                throw new IOException("Get Log returned code " + out.status() + " with " + chunk.length + " bytes");
            }
            log.put(chunk);
        }
        return log.array();
    }

    static DeviceEffects parse(byte[] cel) {
        ByteBuffer in = ByteBuffer.wrap(cel).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, Set<Effect>> byOpcode = new HashMap<>();
        while (in.remaining() >= 4) {
            int opcode = Short.toUnsignedInt(in.getShort());
            int effect = Short.toUnsignedInt(in.getShort());
            Set<Effect> effects = EnumSet.noneOf(Effect.class);
            effects.addAll(Effect.fromBits(Effect.Family.CXL, effect));
            byOpcode.put(opcode, effects);
        }
        return new DeviceEffects(byOpcode, "CEL (" + byOpcode.size() + " entries)", false);
    }
}
