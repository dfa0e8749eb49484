package io.fwgate.tables.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fwgate.api.DecodeException;
import io.fwgate.tables.MetricField;

/**
 * A checked response layout, made ready for decoding when built (see {@link FieldPlan}). Immutable and
 * thread-safe.
 */
public final class ResponseModel {
    private final int maxSize;
    private final Optional<String> decoder;
    private final List<ResponseField> fields;
    private final List<FieldPlan> plans;
    private final boolean hasArray;

    /**
     * @param maxSize the largest payload the command can answer
     * @param decoder the Java decoder that decodes it instead of {@code fields}, if any
     * @param fields the checked fields in table order
     */
    public ResponseModel(int maxSize, Optional<String> decoder, List<ResponseField> fields) {
        this.maxSize = maxSize;
        this.decoder = decoder;
        this.fields = List.copyOf(fields);
        this.plans = FieldPlan.of(this.fields);
        this.hasArray = FieldPlan.hasArray(plans);
    }

    /** @return the largest payload the command can answer */
    public int maxSize() {
        return maxSize;
    }

    /** @return the Java decoder that decodes it instead of the fields, if any */
    public Optional<String> decoder() {
        return decoder;
    }

    /** @return the fields in table order */
    public List<ResponseField> fields() {
        return fields;
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
        return Decoder.decode(plans, hasArray, payload, transport);
    }
}
