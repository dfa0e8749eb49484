package io.fwgate.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;

import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;

/**
 * What every subcommand works with: the gateway, where the caller's identity comes from, the two output
 * streams and the environment. One per command line.
 *
 * @param gateway the platform, in-process or a daemon's
 * @param callers the source of the invoking process's identity
 * @param out normal output
 * @param err error output
 * @param environment properties, terminal, poll pacing, daemon
 */
record Context(Gateway gateway, CallerSource callers, PrintWriter out, PrintWriter err, Environment environment) {

    /** Where the caller's identity comes from: the kernel in production, a fixed value in tests. */
    @FunctionalInterface
    interface CallerSource {
        /**
         * @return the invoking process's identity
         * @throws IOException if the kernel's answer cannot be read
         */
        Caller caller() throws IOException;
    }

    /**
     * @return who is asking (a daemon ignores it and asks the kernel about the connection instead)
     * @throws CliFailure if the identity cannot be established: nothing may run without one
     */
    Caller caller() throws CliFailure {
        try {
            return callers.caller();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot establish who you are: " + e.getMessage(), e);
        }
    }
}
