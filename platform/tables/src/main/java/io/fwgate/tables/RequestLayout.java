package io.fwgate.tables;

import java.util.List;
import java.util.Map;

/** How a command's arguments become its request. Immutable and thread-safe. */
public final class RequestLayout {
    // TODO(tables): fields and constructor

    /** @return the arguments this request takes, in table order */
    public List<FieldSpec> fields() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * @param args argument values as the caller typed them (decimal, 0x-hex, enum names, hex bytes)
     * @return the payload and parameters
     * @throws InvalidArgumentException if an argument is unknown, missing, malformed or out of range
     */
    public EncodedRequest encode(Map<String, String> args) throws InvalidArgumentException {
        throw new UnsupportedOperationException("not yet");
    }
}
