package io.fwgate.daemon;

/** The daemon could not start; the message is the one line the user sees, naming the problem. */
public final class DaemonException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, e.g. {@code another fwgate daemon answers on /run/fwgate/fwgate.sock} */
    public DaemonException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
