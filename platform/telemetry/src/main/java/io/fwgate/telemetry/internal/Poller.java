package io.fwgate.telemetry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Level;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.Gateway;

/**
 * Calls the configured telemetry commands on each device on its schedule, through the gateway as any caller
 * would: gated, audited, and serialized with other calls to the same device by the core's per-device lock.
 * Each device has its own repeating task, so a slow device delays only itself and its polls never overlap.
 * A command whose level on the device is above telemetry is never called: the poller refuses it and says
 * why once. The values arrive in the metrics through the call observer, like any caller's. Thread-safe.
 */
final class Poller {
    private final Gateway gateway;
    private final Caller caller;
    private final TelemetryConfig.Poll config;
    private final Scheduler scheduler;
    private final Consumer<PollProblem> problems;
    private final Consumer<Set<DeviceId>> devicesPresent;
    private final Map<DeviceId, Polled> polled = new ConcurrentHashMap<>();
    private final Set<PollProblem> reported = ConcurrentHashMap.newKeySet();

    /** A device being polled, and on what schedule. */
    private record Polled(TelemetryConfig.DeviceSchedule schedule, Runnable stop) {
    }

    /**
     * Something the poller will not or cannot do, reported once per device and command.
     *
     * @param device the device
     * @param command the command
     * @param reason kebab-case: {@code level-above-telemetry}, {@code unknown-command}, {@code failed}
     * @param detail a sentence for the operator
     */
    record PollProblem(DeviceId device, String command, String reason, String detail) {
    }

    /**
     * @param gateway the platform
     * @param caller who the poller is to the gate (the daemon's own identity)
     * @param config what to poll and how often
     * @param scheduler runs the repeating tasks
     * @param problems told once about each refused or failing command
     * @param devicesPresent told the devices that exist at each look, so metrics of vanished ones go
     */
    Poller(Gateway gateway, Caller caller, TelemetryConfig.Poll config, Scheduler scheduler,
            Consumer<PollProblem> problems, Consumer<Set<DeviceId>> devicesPresent) {
        this.gateway = gateway;
        this.caller = caller;
        this.config = config;
        this.scheduler = scheduler;
        this.problems = problems;
        this.devicesPresent = devicesPresent;
    }

    /** @return stops looking for devices; {@link #stop()} stops polling them */
    Runnable start() {
        return scheduler.repeat(config.interval(), this::lookForDevices);
    }

    /** Starts polling devices that appeared, stops polling those that went or whose schedule is empty. */
    void lookForDevices() {
        Map<DeviceId, DeviceInfo> present = new HashMap<>();
        gateway.devices().forEach(d -> present.put(d.id(), d));
        devicesPresent.accept(present.keySet());
        polled.keySet().stream().filter(id -> !present.containsKey(id)).toList().forEach(this::stopPolling);
        for (DeviceInfo device : present.values()) {
            TelemetryConfig.DeviceSchedule schedule = config.scheduleFor(device.id(), device.kind());
            Polled current = polled.get(device.id());
            if (current != null && current.schedule().equals(schedule)) {
                continue;
            }
            stopPolling(device.id());
            if (!schedule.commands().isEmpty()) {
                polled.put(device.id(), new Polled(schedule,
                        scheduler.repeat(schedule.interval(), () -> poll(device.id(), schedule.commands()))));
            }
        }
    }

    /** @return the devices being polled now */
    Set<DeviceId> polledDevices() {
        return Set.copyOf(polled.keySet());
    }

    /** Stops every device's polling. */
    void stop() {
        polled.keySet().stream().toList().forEach(this::stopPolling);
    }

    private void stopPolling(DeviceId device) {
        Polled gone = polled.remove(device);
        if (gone != null) {
            gone.stop().run();
        }
    }

    /**
     * Polls one device once: each command whose level there is telemetry, in order.
     *
     * @param device the device
     * @param commands the command names to call
     */
    void poll(DeviceId device, List<String> commands) {
        Map<String, CommandView> views;
        try {
            views = gateway.commands(device).stream().collect(Collectors.toMap(CommandView::name, v -> v, (a, b) -> a));
        } catch (CallException e) {
            return; // the device went away between looks; the next look stops its polling
        }
        for (String command : commands) {
            Optional<CommandView> view = Optional.ofNullable(views.get(command));
            if (view.isEmpty()) {
                once(device, command, "unknown-command", "no table declares " + command + " for " + device);
            } else if (view.get().level().compareTo(Level.TELEMETRY) > 0) {
                once(device, command, "level-above-telemetry", command + " needs " + view.get().level().id() + " on "
                        + device + "; the poller only calls telemetry commands");
            } else {
                call(device, command);
            }
        }
    }

    private void call(DeviceId device, String command) {
        try {
            gateway.call(caller, new CallRequest(device, command, Map.of(), false));
        } catch (CallException e) {
            // refusals and delivery failures are audited and counted by the core; say it here once
            once(device, command, "failed", command + " on " + device + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            once(device, command, "failed", command + " on " + device + " failed: " + e);
        }
    }

    private void once(DeviceId device, String command, String reason, String detail) {
        PollProblem problem = new PollProblem(device, command, reason, detail);
        // the detail can change between polls (an error message); report each reason once per command
        if (reported.add(new PollProblem(device, command, reason, ""))) {
            problems.accept(problem);
        }
    }
}
