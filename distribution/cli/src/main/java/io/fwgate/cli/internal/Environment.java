package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

import io.fwgate.daemon.DaemonSettings;
import io.fwgate.platform.Gateway;

/**
 * What the CLI needs from where it runs, beyond the gateway: property defaults, whether a person watches
 * a terminal, the clock and pauses of progress polls, and how to run the daemon. Tests pass their own.
 *
 * @param properties framework (or system) properties, null when unset
 * @param terminal a console is attached: progress is drawn as a bar
 * @param pacer the time and the waits between polls of a background operation
 * @param daemon runs the daemon in the foreground
 */
record Environment(Function<String, String> properties, boolean terminal, Pacer pacer, DaemonRunner daemon) {

    /** Time as the poll loop sees it: a monotonic clock and a pause, so tests can follow hours without waiting. */
    interface Pacer {
        /** The JVM's monotonic clock and {@link Thread#sleep}. */
        Pacer SYSTEM = new Pacer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(Duration pause) throws InterruptedException {
                Thread.sleep(pause.toMillis());
            }
        };

        /** @return nanoseconds from an arbitrary origin, never going back, as {@link System#nanoTime()} */
        long nanoTime();

        /**
         * @param pause how long to wait
         * @throws InterruptedException if interrupted while waiting
         */
        void pause(Duration pause) throws InterruptedException;
    }

    /** Runs the daemon until it is stopped; see {@link io.fwgate.daemon.Daemon#run}. */
    @FunctionalInterface
    interface DaemonRunner {
        int run(Gateway gateway, DaemonSettings settings, PrintWriter out, PrintWriter err);
    }
}
