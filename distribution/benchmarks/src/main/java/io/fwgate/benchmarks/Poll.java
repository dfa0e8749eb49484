package io.fwgate.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks a question until the answer is yes, every {@value #INTERVAL_MICROS} µs: the resolution of the
 * drop-to-callable and start-to-loaded figures. Bounded, so a platform that never gets there fails the
 * measurement instead of hanging it.
 */
final class Poll {
    static final long INTERVAL_MICROS = 2000;
    private static final long LIMIT_SECONDS = 60;

    /** A yes-or-no question to the daemon. */
    interface Question {
        boolean yes() throws IOException;
    }

    private Poll() {
    }

    /**
     * @param what the condition, for the error message
     * @param from when the wait started ({@link System#nanoTime})
     * @param question asked until it says yes
     * @return nanoseconds from {@code from} to the first yes
     * @throws IOException if the answer is still no after the limit
     */
    static long until(String what, long from, Question question) throws IOException {
        long deadline = from + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (question.yes()) {
                return System.nanoTime() - from;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(INTERVAL_MICROS));
        }
        throw new IOException("not within " + LIMIT_SECONDS + " s: " + what);
    }
}
