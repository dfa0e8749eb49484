package io.fwgate.tables;

/**
 * Something wrong with a table, with where it is. Immutable.
 *
 * @param kind what class of problem
 * @param location a JSON-pointer-like path, e.g. {@code /commands/3/request/fields/1}
 * @param message a sentence naming the problem
 */
public record Problem(Kind kind, String location, String message) {
    /** Classes of problems; the platform reports them as refusal reasons. */
    public enum Kind {
        /** Not JSON, wrong types, missing required members, unknown members, unsupported format. */
        MALFORMED,
        /** Two commands with one name. */
        DUPLICATE_NAME,
        /** Two commands with one opcode. */
        DUPLICATE_OPCODE,
        /** Overlapping or out-of-range fields, bad sizes, decoders that read past the payload. */
        BAD_LAYOUT,
        /** A declared level lower than its declared effects need. */
        LEVEL_CONTRADICTS_EFFECTS
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
