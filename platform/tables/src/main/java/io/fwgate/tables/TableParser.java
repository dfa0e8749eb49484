package io.fwgate.tables;

/** Reads a command table resource (JSON) into a validated {@link CommandTable}. Thread-safe. */
public final class TableParser {
    private TableParser() {
    }

    /**
     * Never throws on bad input: every problem is returned, with its location.
     *
     * @param source where the bytes came from, for messages
     * @param json the resource's bytes
     * @return the table, or the problems that prevent it
     */
    public static ParseResult parse(String source, byte[] json) {
        throw new UnsupportedOperationException("not yet");
    }
}
