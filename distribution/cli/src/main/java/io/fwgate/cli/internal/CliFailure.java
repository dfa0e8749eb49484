package io.fwgate.cli.internal;

/** A failure the CLI reports as one line and an exit code, for problems that are not a gateway's CallException. */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExitCode exitCode;

    /**
     * @param exitCode how the process ends
     * @param message what is wrong, for the user
     * @param cause the underlying failure
     */
    CliFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
