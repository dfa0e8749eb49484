package io.fwgate.daemon.internal;

import io.fwgate.daemon.protocol.Protocol.ErrorKind;

/** A request the daemon answers with an error of the protocol itself, not of the call it asked for. */
final class ProtocolError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ErrorKind kind;
    private final transient Object id;
    private final boolean closes;

    /**
     * @param kind the error kind
     * @param message what is wrong, naming the member or limit
     * @param id the request's id if it could be read, else null
     * @param closes the connection ends after the answer (also when the kind alone would not say so)
     */
    ProtocolError(ErrorKind kind, String message, Object id, boolean closes) {
        super(message);
        this.kind = kind;
        this.id = id;
        this.closes = closes || kind.closing();
    }

    ProtocolError(ErrorKind kind, String message, Object id) {
        this(kind, message, id, false);
    }

    ErrorKind kind() {
        return kind;
    }

    Object id() {
        return id;
    }

    boolean closes() {
        return closes;
    }
}
