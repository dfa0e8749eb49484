package io.fwgate.tables.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fwgate.api.DecodeException;
import io.fwgate.tables.MetricField;

/**
 * A checked response layout. Immutable and thread-safe.
 *
 * @param maxSize the largest payload the command can answer
 * @param decoder the Java decoder that decodes it instead of {@code fields}, if any
 * @param fields the fields in table order
 */
public record ResponseModel(int maxSize, Optional<String> decoder, List<ResponseField> fields) {
    public ResponseModel {
        fields = List.copyOf(fields);
    }

    /** @return the metrics the top-level fields are marked as, in table order */
    public List<MetricField> metrics() {
        return fields.stream().flatMap(f -> f.metric().stream()).toList();
    }

    /**
     * @param payload the response payload
     * @param transport values the transport returned beside the payload, by name (NVMe {@code result})
     * @return named values in table order
     * @throws DecodeException if the payload is too short or its counts run past its end, a field reads a
     *         transport value that is missing, or a Java decoder is to decode it
     */
    public Map<String, Object> decode(byte[] payload, Map<String, Long> transport) throws DecodeException {
        Objects.requireNonNull(transport, "transport");
        if (payload == null) {
            throw new DecodeException("there is no response payload to decode");
        }
        if (decoder.isPresent()) {
            throw new DecodeException("this response is decoded by the Java decoder '" + decoder.get() + "'");
        }
        return Decoder.decode(fields, payload, transport);
    }
}
