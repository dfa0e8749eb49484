package io.fwgate.launcher;

/** The runtime could not be brought up; the message is the one line the user sees. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
