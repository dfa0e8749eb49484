package io.fwgate.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the CLI pauses, by exactly the pause: hours of polling in no time. */
final class FakePacer implements Environment.Pacer {
    final List<Duration> pauses = new ArrayList<>();
    private long nanos = 1_000_000_000L;
    private Runnable afterPause = () -> {
    };

    /** @param action what happens in the world each time the pause is over (a device making progress) */
    FakePacer afterEachPause(Runnable action) {
        this.afterPause = action;
        return this;
    }

    /** @return the time the CLI has spent pausing */
    Duration elapsed() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void pause(Duration pause) {
        pauses.add(pause);
        nanos += pause.toNanos();
        afterPause.run();
    }
}
