package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Effect;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * Reads an NVMe controller's Commands Supported and Effects log (Get Log Page, LID 05h): 256 admin
 * command entries {@code le32 acs[256]} at offset 0, then 256 I/O entries and reserved bytes (4 KiB).
 * Only admin opcodes are gated here, so only {@code acs} is kept; an entry without CSUPP is kept too,
 * so the gate can refuse a command the controller says it does not support.
 */
final class NvmeEffectsReader {
    static final int GET_LOG_PAGE = 0x02;
    static final int EFFECTS_LOG = 0x05;
    static final int LOG_SIZE = 4096;

    private NvmeEffectsReader() {
    }

    static DeviceEffects read(Transport transport, DeviceId device) {
        long numdl = LOG_SIZE / 4 - 1; // number of dwords, 0-based
        Map<String, Long> params = Map.of("nsid", 0L, "cdw10", EFFECTS_LOG | (numdl << 16));
        try {
            DeviceResponse response = transport.send(device, new DeviceRequest(GET_LOG_PAGE, new byte[0], params, LOG_SIZE));
            if (!response.ok()) {
                return DeviceEffects.none("the controller did not return its effects log (status " + response.status() + ")");
            }
            return parse(response.payload());
        } catch (IOException | RuntimeException e) {
            return DeviceEffects.none("the effects log could not be read: " + e.getMessage());
        }
    }

    static DeviceEffects parse(byte[] log) {
        if (log.length < 1024) {
            return DeviceEffects.none("the effects log is " + log.length + " bytes, shorter than its 1024-byte admin part");
        }
        ByteBuffer in = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, Set<Effect>> byOpcode = new HashMap<>();
        for (int opcode = 0; opcode < 256; opcode++) {
            int word = in.getInt(opcode * 4);
            if (word != 0) { // an all-zero entry is an unsupported command: absent means unsupported
                byOpcode.put(opcode, Effect.fromBits(Effect.Family.NVME, word));
            }
        }
        return new DeviceEffects(byOpcode, "NVMe effects log (" + byOpcode.size() + " admin commands)", true);
    }
}
