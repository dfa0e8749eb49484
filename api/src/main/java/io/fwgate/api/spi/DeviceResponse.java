package io.fwgate.api.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A device's answer. A non-zero {@code status} means the device refused or failed the command; it is
 * part of the answer, not an exception. Immutable.
 *
 * @param status the device's return code (CXL mailbox return code, NVMe status field); 0 is success
 * @param payload the output payload, possibly empty
 * @param fields transport-level values outside the payload, by name (NVMe: {@code result}, the
 *        completion's dword 0; CXL: {@code vendor-status}); often empty
 */
public record DeviceResponse(int status, byte[] payload, Map<String, Long> fields) {
    /**
     * @throws NullPointerException if {@code payload} or {@code fields} is null
     */
    public DeviceResponse {
        payload = Objects.requireNonNull(payload, "payload").clone();
        fields = Map.copyOf(fields);
    }

    /**
     * An answer with no transport-level fields.
     *
     * @param status the device's return code
     * @param payload the output payload
     */
    public DeviceResponse(int status, byte[] payload) {
        this(status, payload, Map.of());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return true if the device reported success */
    public boolean ok() {
        return status == 0;
    }
}
