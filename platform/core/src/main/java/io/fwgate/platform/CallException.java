package io.fwgate.platform;

import java.util.Objects;

/** A call that did not reach a device answer: bad request, refused, not delivered, or not audited. */
public class CallException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the call failed; front ends map these to exit codes. */
    public enum Kind {
        /** Unknown device or command, malformed or out-of-range argument. Nothing was sent. */
        BAD_REQUEST,
        /** The gate refused: level, reach or confirmation missing. Nothing was sent. */
        REFUSED,
        /** The transport could not deliver the request or got no answer. */
        DELIVERY_FAILED,
        /** The audit record could not be written; the command was not sent (or its result not reported). */
        AUDIT_FAILED
    }

    private final Kind kind;

    /**
     * @param kind why
     * @param message a sentence for the user naming the problem
     */
    public CallException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    /**
     * @param kind why
     * @param message a sentence for the user naming the problem
     * @param cause the underlying failure
     */
    public CallException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    /** @return why the call failed */
    public Kind kind() {
        return kind;
    }
}
