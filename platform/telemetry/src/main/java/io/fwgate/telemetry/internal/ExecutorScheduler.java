package io.fwgate.telemetry.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The scheduler the component runs with: fixed-delay tasks on an executor's threads. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;

    ExecutorScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Runnable repeat(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
