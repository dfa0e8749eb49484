package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.reliability.FuzzStats;

/**
 * A device whose every answer to the platform's own log reads is chosen by the fuzzer (status, length,
 * bytes; the CEL's advertised size), read the way the core reads it when it first meets a device: the
 * reader returns effects or "none" with a reason, never throws, and asks for no more than a CEL can be.
 */
class HostileDeviceFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("hostile-device-logs");
    private static final DeviceId ID = new DeviceId("hostile", "mem0");
    /** 64 Ki opcodes of 4 bytes: the largest CEL there can be, and so the most the reader may fetch. */
    private static final long MAX_CEL = 0x10000L * 4;

    @FuzzTest(maxDuration = "10s")
    void read(FuzzedDataProvider data) {
        STATS.tried();
        Scripted device = new Scripted(data);
        DeviceEffects effects = data.consumeBoolean() ? CelReader.read(device, ID) : NvmeEffectsReader.read(device, ID);
        assertThat(effects.source()).isNotBlank();
        assertThat(device.requested).isLessThanOrEqualTo(MAX_CEL + 0x1000);
    }

    /** Answers each request from the fuzzer's bytes; runs out by failing as a device that went away. */
    private static final class Scripted implements Transport {
        private final FuzzedDataProvider data;
        long requested;

        Scripted(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        public String scheme() {
            return ID.transport();
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of(new DeviceInfo(ID, DeviceKind.CXL_MEMORY_DEVICE, 0x1e98, 1, Optional.empty(), ""));
        }

        @Override
        public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
            requested += request.maxResponseSize();
            if (data.remainingBytes() == 0) {
                throw new io.fwgate.api.spi.DeviceGoneException(device + " is gone");
            }
            int status = data.consumeBoolean() ? 0 : data.consumeInt(0, 0xffff);
            if (request.opcode() == CelReader.GET_SUPPORTED_LOGS && data.consumeBoolean()) {
                return new DeviceResponse(status, supportedLogs(data.consumeLong() & 0xffffffffL));
            }
            int length = data.consumeInt(0, Math.max(0, request.maxResponseSize() + 16));
            return new DeviceResponse(status, data.consumeBytes(length), Map.of());
        }

        /** Get Supported Logs output naming the CEL: u16 count, 6 reserved, {uuid, le32 size}. */
        private static byte[] supportedLogs(long size) {
            ByteBuffer out = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            out.putShort((short) 1).put(new byte[6]).put(CelReader.CEL_UUID).putInt((int) size);
            return out.array();
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
