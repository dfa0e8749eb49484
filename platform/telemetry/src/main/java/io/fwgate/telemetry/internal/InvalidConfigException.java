package io.fwgate.telemetry.internal;

/** {@code telemetry.json} is unreadable or invalid; the message names the file and the member. */
final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
        super(message);
    }
}
