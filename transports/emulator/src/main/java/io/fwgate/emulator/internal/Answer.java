package io.fwgate.emulator.internal;

/**
 * What the mailbox returns for one command: a return code and the output payload. Failures carry an
 * empty payload, as a real device's do.
 *
 * @param code the return code
 * @param payload the output payload, never null
 */
record Answer(CxlReturnCode code, byte[] payload) {
    private static final byte[] NONE = new byte[0];

    static Answer ok(byte[] payload) {
        return new Answer(CxlReturnCode.SUCCESS, payload);
    }

    static Answer ok() {
        return ok(NONE);
    }

    /** An answer with no output: a failure, or a command that outputs nothing. */
    static Answer of(CxlReturnCode code) {
        return new Answer(code, NONE);
    }
}
