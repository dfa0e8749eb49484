package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;

/**
 * Follows a device's background operation by polling {@link Gateway#progress} until the device says it has
 * ended: a bar on the error stream when a person watches a terminal, one JSON line per change with
 * {@code --json}, nothing otherwise; then one line with the outcome. Each poll is a telemetry call of its
 * own, gated and audited by the platform, so polls thin out the longer the operation runs (a tenth of the
 * time followed so far, from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}), and following stops when the
 * device reports no progress for the wait timeout: the handle is printed for {@code fwgate wait} and the
 * exit code is {@link ExitCode#STILL_RUNNING}.
 */
final class Background {
    /** The CXL return code (0001h) of a command that went on in the background. */
    static final String STARTED = "background-command-started";
    /** NVMe Sanitize (84h) completes at once and sanitizes in the background (Sanitize Status log). */
    static final int NVME_SANITIZE = 0x84;
    /** The pause between polls while an operation is young: a short one finishes without a noticeable lag. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    /** The longest pause: a bar still moves every few seconds, and an hour costs about 720 polls, not 18,000. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 30;

    private final Context context;
    private final boolean json;
    private final Duration timeout;
    private boolean barDrawn;

    /**
     * @param context what the command works with; its environment's pacer is the clock and the pauses
     * @param json progress as JSON lines
     * @param timeout how long the device may report no progress before following stops
     */
    Background(Context context, boolean json, Duration timeout) {
        this.context = context;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * @param gateway the platform, asked for the device's kind only for an NVMe Sanitize
     * @param result a successful call's answer
     * @return true if the call left an operation running in the background
     */
    static boolean started(Gateway gateway, CallResult result) {
        if (STARTED.equals(result.statusName())) {
            return true;
        }
        return result.opcode() == NVME_SANITIZE && result.status() == 0 && gateway.devices().stream()
                .filter(d -> d.id().equals(result.device())).map(DeviceInfo::kind)
                .anyMatch(DeviceKind.NVME_CONTROLLER::equals);
    }

    /**
     * @param followed how long the operation has been followed
     * @return the pause before the next poll: a tenth of that, within {@link #FIRST_PAUSE} and
     *         {@link #LONGEST_PAUSE}
     */
    static Duration pauseAfter(Duration followed) {
        Duration tenth = followed.dividedBy(10);
        if (tenth.compareTo(FIRST_PAUSE) < 0) {
            return FIRST_PAUSE;
        }
        return tenth.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : tenth;
    }

    /**
     * @param caller who polls
     * @param handle the operation
     * @return success; {@link ExitCode#DEVICE_FAILED} if the operation ended with a failure status;
     *         {@link ExitCode#STILL_RUNNING} if it made no progress for the timeout
     * @throws CallException if a poll fails
     * @throws CliFailure if the device runs another operation than the handle's, or the wait is interrupted
     */
    ExitCode follow(Caller caller, Handle handle) throws CallException, CliFailure {
        Environment.Pacer pacer = context.environment().pacer();
        long start = pacer.nanoTime();
        long changed = start;
        BackgroundProgress last = null;
        while (true) {
            BackgroundProgress now = poll(caller, handle);
            long time = pacer.nanoTime();
            if (last == null || last.percent() != now.percent() || last.running() != now.running()) {
                report(handle, now);
                changed = time;
            }
            last = now;
            if (!now.running()) {
                return finish(handle, now);
            }
            Duration stalled = Duration.ofNanos(time - changed);
            if (stalled.compareTo(timeout) >= 0) {
                return giveUp(handle, now);
            }
            // the last poll falls on the timeout, not up to a whole pause after it
            Duration pause = pauseAfter(Duration.ofNanos(time - start));
            Duration left = timeout.minus(stalled);
            pause(pacer, handle, pause.compareTo(left) > 0 ? left : pause);
        }
    }

    private BackgroundProgress poll(Caller caller, Handle handle) throws CallException, CliFailure {
        BackgroundProgress now = context.gateway().progress(caller, handle.device());
        if (now.opcode() >= 0 && now.opcode() != handle.opcode()) {
            throw new CliFailure(ExitCode.USAGE, handle.device() + "'s background operation is "
                    + Wire.opcode(now.opcode()) + ", not the handle's " + Wire.opcode(handle.opcode())
                    + ": nothing to wait for", null);
        }
        return now;
    }

    private void report(Handle handle, BackgroundProgress progress) {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("handle", handle.toString());
            line.put("progress", progress.percent());
            line.put("running", progress.running());
            line.put("status", progress.status());
            line.put("status-name", progress.statusName());
            Json.line(context.out(), line);
        } else if (context.environment().terminal()) {
            int done = Math.min(BAR_WIDTH, progress.percent() * BAR_WIDTH / 100);
            PrintWriter err = context.err();
            err.printf("\r%s %s [%s%s] %3d%%", handle.device(), Wire.opcode(handle.opcode()), "#".repeat(done),
                    " ".repeat(BAR_WIDTH - done), progress.percent());
            err.flush();
            barDrawn = true;
        }
    }

    private ExitCode finish(Handle handle, BackgroundProgress progress) {
        if (barDrawn) {
            context.err().println();
        }
        if (progress.status() != 0) {
            context.err().printf("fwgate: %s background operation %s failed on the device: %s (status %d, 0x%04x)%n",
                    handle.device(), Wire.opcode(handle.opcode()), progress.statusName(), progress.status(),
                    progress.status());
            return ExitCode.DEVICE_FAILED;
        }
        if (!json) {
            context.out().printf("%s background operation %s finished: %s%n", handle.device(),
                    Wire.opcode(handle.opcode()), progress.statusName());
        }
        return ExitCode.SUCCESS;
    }

    private ExitCode giveUp(Handle handle, BackgroundProgress progress) {
        if (barDrawn) {
            context.err().println();
        }
        context.err().printf("fwgate: %s background operation %s reported no progress for %s (still %d%%); "
                + "stopped waiting, it may still run: follow it with 'fwgate wait %s'%n", handle.device(),
                Wire.opcode(handle.opcode()), text(timeout), progress.percent(), handle);
        return ExitCode.STILL_RUNNING;
    }

    /** @return the duration as a person reads it: 45m, 1h30m, 90s */
    static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + "m" : minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }

    private static void pause(Environment.Pacer pacer, Handle handle, Duration pause) throws CliFailure {
        try {
            pacer.pause(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILURE, "interrupted while waiting; the operation goes on: follow it "
                    + "with 'fwgate wait " + handle + "'", e);
        }
    }
}
