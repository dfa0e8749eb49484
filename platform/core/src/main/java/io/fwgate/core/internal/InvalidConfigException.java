package io.fwgate.core.internal;

/** A configuration file exists but is unreadable or invalid; the message names the file and the problem. */
final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
        super(message);
    }
}
