package io.fwgate.tables;

import java.util.Map;
import java.util.Optional;

import io.fwgate.api.DecodeException;

/** How a command's response payload becomes named, typed values. Immutable and thread-safe. */
public final class ResponseLayout {
    // TODO(tables): fields and constructor

    /** @return the name of a Java {@code ResponseDecoder} of the table's bundle, if the table names one */
    public Optional<String> javaDecoder() {
        throw new UnsupportedOperationException("not yet");
    }

    /** @return the largest response payload this command can produce, in bytes */
    public int maxSize() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * @param payload the response payload
     * @return named values in table order (see {@code ResponseDecoder} for the value types)
     * @throws DecodeException if the payload is shorter than the layout needs or inconsistent
     */
    public Map<String, Object> decode(byte[] payload) throws DecodeException {
        throw new UnsupportedOperationException("not yet");
    }
}
