package io.fwgate.tables;

import java.util.List;
import java.util.Map;

import io.fwgate.tables.internal.RequestModel;

/**
 * How a command's arguments become its request: a payload of a fixed size (optionally followed by one
 * variable-length field) and transport parameters, filled from named fields. Immutable and thread-safe.
 */
public final class RequestLayout {
    private final RequestModel model;

    RequestLayout(RequestModel model) {
        this.model = model;
    }

    /** @return the arguments this request takes, in table order (constant fields are not arguments) */
    public List<FieldSpec> fields() {
        return model.fieldSpecs();
    }

    /**
     * Whether constant bits of a transport parameter tell this request apart from another one, so that two
     * commands may share an opcode: NVMe Identify commands differ in their CNS, Get Log Page commands in
     * their log page identifier.
     *
     * @param other the request layout of another command
     * @return true if both set constant bits at the same place of one parameter and those bits differ
     * @since 0.2
     */
    public boolean distinguishedFrom(RequestLayout other) {
        return model.distinguishedFrom(other.model);
    }

    /**
     * @param args argument values as the caller typed them (decimal, 0x-hex, enum names, hex bytes)
     * @return the payload and parameters
     * @throws InvalidArgumentException if an argument is unknown, missing, malformed or out of range; the
     *         message names the argument and the problem
     */
    public EncodedRequest encode(Map<String, String> args) throws InvalidArgumentException {
        return model.encode(args);
    }
}
