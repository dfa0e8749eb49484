package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.function.Function;

import io.fwgate.daemon.DaemonSettings;
import io.fwgate.platform.Gateway;

/**
 * What the CLI needs from where it runs, beyond the gateway: property defaults, whether a person watches
 * a terminal, the pause between progress polls, and how to run the daemon. Tests pass their own.
 *
 * @param properties framework (or system) properties, null when unset
 * @param terminal a console is attached: progress is drawn as a bar
 * @param pacer the wait between two polls of a background operation
 * @param daemon runs the daemon in the foreground
 */
record Environment(Function<String, String> properties, boolean terminal, Pacer pacer, DaemonRunner daemon) {
    /** The pause between two polls of a device's background status. */
    static final long POLL_MILLIS = 200;

    /** Waits between two polls. */
    @FunctionalInterface
    interface Pacer {
        /** Pauses the production poll interval, {@value Environment#POLL_MILLIS} ms. */
        Pacer POLL = () -> Thread.sleep(POLL_MILLIS);

        /**
         * @throws InterruptedException if interrupted while waiting
         */
        void pause() throws InterruptedException;
    }

    /** Runs the daemon until it is stopped; see {@link io.fwgate.daemon.Daemon#run}. */
    @FunctionalInterface
    interface DaemonRunner {
        int run(Gateway gateway, DaemonSettings settings, PrintWriter out, PrintWriter err);
    }
}
