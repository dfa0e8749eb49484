package io.fwgate.tables;

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

    /** @return the largest response payload this command can produce, in bytes */
    public int maxSize() {
        return model.maxSize();
    }

    /**
     * Decodes by the table's fields. Whatever the bytes, this returns values or throws
     * {@code DecodeException}; it never throws anything else.
     *
     * @param payload the response payload
     * @return named values in table order (see {@code ResponseDecoder} for the value types)
     * @throws DecodeException if the payload is shorter than the layout needs, an array count runs past its
     *         end, or the response is to be decoded by {@link #javaDecoder() a Java decoder}
     */
    public Map<String, Object> decode(byte[] payload) throws DecodeException {
        return model.decode(payload);
    }
}
