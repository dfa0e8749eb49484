package io.fwgate.daemon.protocol;

import java.util.Locale;
import java.util.Optional;

import io.fwgate.platform.CallException;

/**
 * The names of protocol version 1: members, operations and error kinds. Every request is one JSON object
 * on one line, {@code {"fwgate": 1, "id": ..., "op": ..., ...}}; every response is one line holding the
 * same {@code id} and either {@code result} or {@code error}. docs/protocol.md is the full contract.
 */
public final class Protocol {
    /** The protocol version this build speaks, the value of the {@code fwgate} member. */
    public static final int VERSION = 1;
    /** The version member of every request and response. */
    public static final String VERSION_MEMBER = "fwgate";
    /** The client's request id, echoed in the response. */
    public static final String ID = "id";
    /** The operation a request asks for. */
    public static final String OP = "op";
    /** A successful response's value. */
    public static final String RESULT = "result";
    /** A failed response's error object. */
    public static final String ERROR = "error";
    /** The error object's kind. */
    public static final String KIND = "kind";
    /** The error object's sentence for users. */
    public static final String MESSAGE = "message";
    /** The longest request id string accepted. */
    public static final int MAX_ID_LENGTH = 128;

    private Protocol() {
    }

    /** What a request may ask for. */
    public enum Op {
        /** The devices the platform reaches. */
        DEVICES,
        /** The commands callable on one device ({@code device}). */
        COMMANDS,
        /** Run one command ({@code device}, {@code command}, {@code arguments}, {@code confirm}). */
        CALL,
        /** A device's background operation ({@code device}). */
        PROGRESS,
        /** The plugin bundles. */
        PLUGINS,
        /** Taint, role and the caller's grant. */
        STATUS,
        /** Audit records ({@code limit}). */
        AUDIT,
        /** Verify the audit log's hash chain. */
        VERIFY;

        /** @return the name on the wire, e.g. {@code devices} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param id a name on the wire
         * @return the operation, or empty if the name is none
         */
        public static Optional<Op> parse(String id) {
            for (Op op : values()) {
                if (op.id().equals(id)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Why a request failed. The first four mirror {@link CallException.Kind}; the others are the daemon's.
     * Kinds marked closing end the connection after the error is sent.
     */
    public enum ErrorKind {
        /** {@link CallException.Kind#BAD_REQUEST}: unknown device or command, malformed argument. */
        BAD_REQUEST(false),
        /** {@link CallException.Kind#REFUSED}: the gate refused; carries needed and granted level and reach. */
        REFUSED(false),
        /** {@link CallException.Kind#DELIVERY_FAILED}: the device was not reached or did not answer. */
        DELIVERY_FAILED(false),
        /** {@link CallException.Kind#AUDIT_FAILED}: the audit record could not be written. */
        AUDIT_FAILED(false),
        /** The daemon could not read something it needed (the audit log). */
        IO_ERROR(false),
        /** The line is not a JSON object (or not UTF-8, or ended without a newline). */
        MALFORMED(false),
        /** A JSON object, but not a valid request: unknown op, missing or unknown member, wrong type. */
        INVALID_REQUEST(false),
        /** The {@code fwgate} member names a protocol version this daemon does not speak. */
        UNSUPPORTED_VERSION(false),
        /** The request is longer than the daemon accepts. */
        TOO_LARGE(true),
        /** A request was started but not finished within the read timeout. */
        TIMEOUT(true),
        /** The daemon already serves as many connections as it may. */
        BUSY(true),
        /** The daemon is stopping and runs no new request. */
        SHUTTING_DOWN(true),
        /** The daemon failed in a way it did not foresee; the message says how. */
        INTERNAL(false);

        private final boolean closing;

        ErrorKind(boolean closing) {
            this.closing = closing;
        }

        /** @return true if the daemon closes the connection after sending this error */
        public boolean closing() {
            return closing;
        }

        /** @return the name on the wire, e.g. {@code invalid-request} */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * @param id a name on the wire
         * @return the kind, or empty if the name is none (a newer daemon's kind)
         */
        public static Optional<ErrorKind> parse(String id) {
            for (ErrorKind kind : values()) {
                if (kind.id().equals(id)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /**
         * @param kind why a call failed
         * @return the error kind that reports it
         */
        public static ErrorKind of(CallException.Kind kind) {
            return switch (kind) {
                case BAD_REQUEST -> BAD_REQUEST;
                case REFUSED -> REFUSED;
                case DELIVERY_FAILED -> DELIVERY_FAILED;
                case AUDIT_FAILED -> AUDIT_FAILED;
            };
        }

        /** @return the call failure this kind mirrors, or empty for the daemon's own kinds */
        public Optional<CallException.Kind> callKind() {
            return switch (this) {
                case BAD_REQUEST -> Optional.of(CallException.Kind.BAD_REQUEST);
                case REFUSED -> Optional.of(CallException.Kind.REFUSED);
                case DELIVERY_FAILED -> Optional.of(CallException.Kind.DELIVERY_FAILED);
                case AUDIT_FAILED -> Optional.of(CallException.Kind.AUDIT_FAILED);
                default -> Optional.empty();
            };
        }
    }
}
