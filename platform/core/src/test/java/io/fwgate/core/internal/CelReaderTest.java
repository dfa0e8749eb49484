package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Effect;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

class CelReaderTest {
    /** A CEL of three entries, {le16 opcode, le16 effect} each, as the CXL spec lays it out. */
    private static final byte[] CEL = {
            0x00, 0x40, 0x00, 0x00, // 4000h Identify Memory Device: no effects
            0x03, 0x41, 0x06, 0x00, // 4103h Set LSA: bits 1 and 2 (config, data change)
            0x00, 0x44, 0x64, 0x00 }; // 4400h Sanitize: bits 2, 5, 6

    @Test
    void parsesEffectBitsPerOpcode() {
        DeviceEffects effects = CelReader.parse(CEL);
        assertThat(effects.of(0x4000)).hasValue(java.util.Set.of());
        assertThat(effects.of(0x4103)).hasValue(java.util.Set.of(Effect.CONFIG_CHANGE_IMMEDIATE,
                Effect.DATA_CHANGE_IMMEDIATE));
        assertThat(effects.of(0x4400)).hasValue(java.util.Set.of(Effect.DATA_CHANGE_IMMEDIATE,
                Effect.SECURITY_STATE_CHANGE, Effect.BACKGROUND_OPERATION));
        assertThat(effects.of(0x4200)).isEmpty();
    }

    @Test
    void findsTheCelInGetSupportedLogsAndReadsItInChunks() {
        List<DeviceRequest> sent = new ArrayList<>();
        Transport device = new Transport() {
            @Override
            public String scheme() {
                return "t";
            }

            @Override
            public List<DeviceInfo> devices() {
                return List.of();
            }

            @Override
            public DeviceResponse send(DeviceId id, DeviceRequest request) throws IOException {
                sent.add(request);
                if (request.opcode() == CelReader.GET_SUPPORTED_LOGS) {
                    ByteBuffer out = ByteBuffer.allocate(8 + 20).order(ByteOrder.LITTLE_ENDIAN);
                    out.putShort((short) 1).put(new byte[6]).put(CelReader.CEL_UUID).putInt(CEL.length);
                    return new DeviceResponse(0, out.array());
                }
                ByteBuffer in = ByteBuffer.wrap(request.payload()).order(ByteOrder.LITTLE_ENDIAN);
                int offset = in.getInt(16);
                int length = in.getInt(20);
                return new DeviceResponse(0, java.util.Arrays.copyOfRange(CEL, offset, offset + length));
            }
        };
        DeviceEffects effects = CelReader.read(device, new DeviceId("t", "d0"));
        assertThat(effects.byOpcode()).hasSize(3);
        assertThat(sent).extracting(DeviceRequest::opcode).containsExactly(0x0400, 0x0401);
        assertThat(java.util.Arrays.copyOf(sent.get(1).payload(), 16)).isEqualTo(CelReader.CEL_UUID);
    }

    @Test
    void aDeviceWithoutACelReportsNothing() {
        ByteBuffer logs = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0);
        assertThat(CelReader.celSize(logs.array())).isEqualTo(-1);
        assertThat(CelReader.celSize(new byte[3])).isEqualTo(-1);
    }
}
