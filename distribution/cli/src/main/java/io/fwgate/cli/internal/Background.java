package io.fwgate.cli.internal;

import java.io.PrintWriter;
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
 * Follows a device's background operation by polling {@link Gateway#progress} every
 * {@value Environment#POLL_MILLIS} ms until the device says it has ended: a bar on the error stream when a
 * person watches a terminal, one JSON line per change with {@code --json}, nothing otherwise; then one
 * line with the outcome. Each poll is a telemetry call of its own, gated and audited by the platform.
 */
final class Background {
    /** The CXL return code (0001h) of a command that went on in the background. */
    static final String STARTED = "background-command-started";
    /** NVMe Sanitize (84h) completes at once and sanitizes in the background (Sanitize Status log). */
    static final int NVME_SANITIZE = 0x84;
    private static final int BAR_WIDTH = 30;

    private final Context context;
    private final boolean json;
    private boolean barDrawn;

    Background(Context context, boolean json) {
        this.context = context;
        this.json = json;
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
     * @param caller who polls
     * @param handle the operation
     * @return success, or {@link ExitCode#DEVICE_FAILED} if the operation ended with a failure status
     * @throws CallException if a poll fails
     * @throws CliFailure if the device runs another operation than the handle's, or the wait is interrupted
     */
    ExitCode follow(Caller caller, Handle handle) throws CallException, CliFailure {
        BackgroundProgress last = null;
        while (true) {
            BackgroundProgress now = context.gateway().progress(caller, handle.device());
            if (now.opcode() >= 0 && now.opcode() != handle.opcode()) {
                throw new CliFailure(ExitCode.USAGE, handle.device() + "'s background operation is "
                        + Wire.opcode(now.opcode()) + ", not the handle's " + Wire.opcode(handle.opcode())
                        + ": nothing to wait for", null);
            }
            if (last == null || last.percent() != now.percent() || last.running() != now.running()) {
                report(handle, now);
            }
            last = now;
            if (!now.running()) {
                return finish(handle, now);
            }
            pause(handle);
        }
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

    private void pause(Handle handle) throws CliFailure {
        try {
            context.environment().pacer().pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILURE, "interrupted while waiting; the operation goes on: follow it "
                    + "with 'fwgate wait " + handle + "'", e);
        }
    }
}
