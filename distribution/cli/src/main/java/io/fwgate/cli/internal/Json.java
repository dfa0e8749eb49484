package io.fwgate.cli.internal;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON output. Values are the ordered maps built by {@link Views}; numbers (Long, BigInteger) stay JSON
 * numbers so scripts can compare them.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Prints one value, indented for humans reading it too. */
    static void print(PrintWriter out, Object value) {
        out.println(write(PRETTY, value));
    }

    /** Prints one value on one line (a JSON lines record). */
    static void line(PrintWriter out, Object value) {
        out.println(write(MAPPER, value));
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // only maps, lists, strings, numbers and booleans reach here: failing is a programming error
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
