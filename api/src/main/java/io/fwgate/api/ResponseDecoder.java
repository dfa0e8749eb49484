package io.fwgate.api;

import java.nio.ByteBuffer;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a device's response payload into named, typed values, for responses a table's data layout
 * cannot describe. A plugin registers it as a service with the property {@link #NAME_PROPERTY}; a
 * command table of the <em>same bundle</em> names it in its {@code response.decoder} field.
 *
 * <p>Values in the returned map are {@code Boolean}, {@code Long}, {@code java.math.BigInteger},
 * {@code Double}, {@code String}, {@code List} or {@code Map} of these. Implementations must be
 * thread-safe and must not keep the buffer.
 */
@ConsumerType
public interface ResponseDecoder {
    /** The service property naming this decoder. */
    String NAME_PROPERTY = "fwgate.decoder";

    /**
     * @param payload the response payload, positioned at its start, little-endian order set
     * @return the decoded fields in display order, never null
     * @throws DecodeException if the payload is not a valid response
     */
    Map<String, Object> decode(ByteBuffer payload) throws DecodeException;
}
