package io.fwgate.tables;

import java.util.Map;

/**
 * A request's bytes and transport parameters, before it becomes a {@code DeviceRequest}.
 *
 * @param payload the input payload
 * @param parameters transport-level fields by name (NVMe {@code nsid}, {@code cdw10}..{@code cdw15})
 */
public record EncodedRequest(byte[] payload, Map<String, Long> parameters) {
    public EncodedRequest {
        payload = payload.clone();
        parameters = Map.copyOf(parameters);
    }
}
