package io.fwgate.telemetry.internal;

import java.time.Duration;

/** Runs tasks again and again; a seam so tests run them by hand instead of waiting. */
interface Scheduler {
    /**
     * Runs {@code task} now and then each {@code delay} after the previous run ended, so runs never overlap.
     *
     * @param delay the pause between the end of one run and the start of the next
     * @param task what to run; it must not throw
     * @return stops further runs
     */
    Runnable repeat(Duration delay, Runnable task);
}
