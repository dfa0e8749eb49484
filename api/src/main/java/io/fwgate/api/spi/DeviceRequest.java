package io.fwgate.api.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One command as it goes to a device. Immutable.
 *
 * @param opcode the command's opcode (CXL: command set &lt;&lt; 8 | command; NVMe: the admin opcode)
 * @param payload the input payload, possibly empty
 * @param parameters transport-level fields outside the payload, by name (NVMe: {@code nsid},
 *        {@code cdw10} to {@code cdw15}); empty for CXL mailbox commands
 * @param maxResponseSize the largest response payload the caller accepts, in bytes
 */
public record DeviceRequest(int opcode, byte[] payload, Map<String, Long> parameters, int maxResponseSize) {
    /**
     * @throws NullPointerException if {@code payload} or {@code parameters} is null
     * @throws IllegalArgumentException if {@code maxResponseSize} is negative
     */
    public DeviceRequest {
        payload = Objects.requireNonNull(payload, "payload").clone();
        parameters = Map.copyOf(parameters);
        if (maxResponseSize < 0) {
            throw new IllegalArgumentException("maxResponseSize < 0");
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
