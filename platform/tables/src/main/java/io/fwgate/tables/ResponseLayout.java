package io.fwgate.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.api.DecodeException;
import io.fwgate.tables.internal.ResponseModel;

/**
 * How a command's response payload becomes named, typed values: by the table's fields, or by a Java
 * decoder the table names. Immutable and thread-safe.
 */
public final class ResponseLayout {
    private final ResponseModel model;

    ResponseLayout(ResponseModel model) {
        this.model = model;
    }

    /** @return the name of a Java {@code ResponseDecoder} of the table's bundle, if the table names one */
    public Optional<String> javaDecoder() {
        return model.decoder();
    }

    /**
     * The fields this response's table marks as metrics. Their values are numbers in the map that
     * {@link #decode(byte[], Map) decode} returns under {@link MetricField#field()} (a {@code Boolean} for a
     * {@code bool} field, a {@code String} when a {@code special} value was read: no number then).
     *
     * @return the metrics, in table order; empty for a response decoded by a Java decoder
     * @since 0.3
     */
    public List<MetricField> metrics() {
        return model.metrics();
    }

    /** @return the largest response payload this command can produce, in bytes */
    public int maxSize() {
        return model.maxSize();
    }

    /**
     * Decodes by the table's fields a response that carries no transport values: the same as
     * {@link #decode(byte[], Map) decode(payload, Map.of())}.
     *
     * @param payload the response payload
     * @return named values in table order (see {@code ResponseDecoder} for the value types)
     * @throws DecodeException if the payload is shorter than the layout needs, an array count runs past its
     *         end, a field reads a transport value, or the response is to be decoded by
     *         {@link #javaDecoder() a Java decoder}
     */
    public Map<String, Object> decode(byte[] payload) throws DecodeException {
        return decode(payload, Map.of());
    }

    /**
     * Decodes by the table's fields: payload fields from the payload, fields with a {@code source} from the
     * transport value of that name (NVMe {@code result}: the completion's dword 0, as
     * {@code DeviceResponse.fields()} carries it). Whatever the bytes and values, this returns values or
     * throws {@code DecodeException}; it never throws anything else.
     *
     * @param payload the response payload
     * @param transportFields values the transport returned beside the payload, by name; not null
     * @return named values in table order (see {@code ResponseDecoder} for the value types)
     * @throws DecodeException if the payload is shorter than the layout needs, an array count runs past its
     *         end, a transport value a field reads is missing, or the response is to be decoded by
     *         {@link #javaDecoder() a Java decoder}
     * @throws NullPointerException if {@code transportFields} is null
     * @since 0.2
     */
    public Map<String, Object> decode(byte[] payload, Map<String, Long> transportFields) throws DecodeException {
        return model.decode(payload, transportFields);
    }
}
