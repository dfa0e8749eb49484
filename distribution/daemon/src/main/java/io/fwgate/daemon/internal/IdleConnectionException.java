package io.fwgate.daemon.internal;

import java.io.IOException;

/** A connection sent nothing for the idle timeout: it is closed without an answer. */
final class IdleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    IdleConnectionException(String message) {
        super(message);
    }
}
