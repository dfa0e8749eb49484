package io.fwgate.cli.internal;

import java.io.PrintWriter;

import io.fwgate.daemon.protocol.JsonText;

/**
 * JSON output. Values are the ordered maps built by {@link io.fwgate.daemon.protocol.Wire}; numbers (Long,
 * BigInteger) stay JSON numbers so scripts can compare them. Written with Jackson's streaming core, so a
 * client of the daemon starts no object mapper.
 */
final class Json {
    private Json() {
    }

    /** Prints one value, indented for humans reading it too. */
    static void print(PrintWriter out, Object value) {
        out.println(JsonText.write(value, true));
    }

    /** Prints one value on one line (a JSON lines record). */
    static void line(PrintWriter out, Object value) {
        out.println(JsonText.write(value, false));
    }
}
