package io.fwgate.telemetry.internal;

import static io.fwgate.telemetry.internal.FakeGateway.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Level;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;

class PollerTest {
    private static final DeviceInfo MEM0 = device("cxl:mem0", DeviceKind.CXL_MEMORY_DEVICE);
    private static final DeviceInfo MEM1 = device("cxl:mem1", DeviceKind.CXL_MEMORY_DEVICE);
    private static final DeviceInfo NVME0 = device("nvme:nvme0", DeviceKind.NVME_CONTROLLER);
    private static final Caller DAEMON = new Caller(0, 0, new long[0]);
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final FakeGateway gateway = new FakeGateway();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Poller.PollProblem> problems = new ArrayList<>();
    private final List<Set<DeviceId>> present = new ArrayList<>();

    @Test
    void pollsEachDeviceWithTheCommandsOfItsKindAsTheDaemon() {
        gateway.device(MEM0, command("get-health-info", Level.TELEMETRY))
                .device(NVME0, command("smart-log", Level.TELEMETRY));
        Poller poller = poller(poll(Map.of()));

        poller.lookForDevices();
        scheduler.runAll();

        assertThat(scheduler.delays).containsOnly(MINUTE);
        assertThat(gateway.calls).containsExactlyInAnyOrder(
                new CallRequest(MEM0.id(), "get-health-info", Map.of(), false),
                new CallRequest(NVME0.id(), "smart-log", Map.of(), false));
        assertThat(gateway.callers).containsOnly(DAEMON);
        assertThat(problems).isEmpty();
    }

    @Test
    void neverCallsACommandAboveTelemetryAndSaysSoOnce() {
        gateway.device(MEM0, command("get-health-info", Level.CONFIGURATION));
        Poller poller = poller(poll(Map.of()));

        poller.lookForDevices();
        scheduler.runAll();
        scheduler.runAll();

        assertThat(gateway.calls).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("level-above-telemetry");
            assertThat(p.detail()).contains("get-health-info needs configuration on cxl:mem0");
        });
    }

    @Test
    void aCommandNoTableDeclaresIsReportedOnceAndTheOthersStillRun() {
        gateway.device(MEM0, command("get-health-info", Level.TELEMETRY));
        TelemetryConfig.Poll config = new TelemetryConfig.Poll(MINUTE,
                Map.of(DeviceKind.CXL_MEMORY_DEVICE, List.of("get-helth-info", "get-health-info")), Map.of());
        Poller poller = poller(config);

        poller.lookForDevices();
        scheduler.runAll();
        scheduler.runAll();

        assertThat(gateway.calls).extracting(CallRequest::command).containsExactly("get-health-info", "get-health-info");
        assertThat(problems).extracting(Poller.PollProblem::reason).containsExactly("unknown-command");
    }

    @Test
    void aDeviceScheduleReplacesItsKindsIntervalAndCommandsAndAnEmptyListStopsIt() {
        gateway.device(MEM0, command("get-health-info", Level.TELEMETRY), command("identify", Level.TELEMETRY))
                .device(MEM1, command("get-health-info", Level.TELEMETRY));
        Poller poller = poller(poll(Map.of(
                MEM0.id(), new TelemetryConfig.DeviceOverride(Optional.of(Duration.ofSeconds(5)), Optional.of(List.of("identify"))),
                MEM1.id(), new TelemetryConfig.DeviceOverride(Optional.empty(), Optional.of(List.of())))));

        poller.lookForDevices();
        scheduler.runAll();

        assertThat(poller.polledDevices()).containsExactly(MEM0.id());
        assertThat(gateway.calls).extracting(CallRequest::command).containsExactly("identify");
        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void startsPollingDevicesThatAppearAndStopsForThoseThatGo() {
        gateway.device(MEM0, command("get-health-info", Level.TELEMETRY));
        Poller poller = poller(poll(Map.of()));
        poller.lookForDevices();

        gateway.devices.remove(MEM0.id());
        gateway.device(MEM1, command("get-health-info", Level.TELEMETRY));
        poller.lookForDevices();
        scheduler.runAll();

        assertThat(poller.polledDevices()).containsExactly(MEM1.id());
        assertThat(scheduler.stopped).isEqualTo(1);
        assertThat(gateway.calls).extracting(CallRequest::device).containsExactly(MEM1.id());
        assertThat(present).containsExactly(Set.of(MEM0.id()), Set.of(MEM1.id()));
    }

    @Test
    void lookingAgainWithTheSameScheduleDoesNotScheduleTwice() {
        gateway.device(MEM0, command("get-health-info", Level.TELEMETRY));
        Poller poller = poller(poll(Map.of()));

        poller.lookForDevices();
        poller.lookForDevices();

        assertThat(scheduler.tasks).hasSize(1);
        poller.stop();
        assertThat(scheduler.stopped).isEqualTo(1);
        assertThat(poller.polledDevices()).isEmpty();
    }

    private Poller poller(TelemetryConfig.Poll config) {
        return new Poller(gateway, DAEMON, config, scheduler, problems::add, present::add);
    }

    private static TelemetryConfig.Poll poll(Map<DeviceId, TelemetryConfig.DeviceOverride> devices) {
        return new TelemetryConfig.Poll(MINUTE, Map.of(DeviceKind.CXL_MEMORY_DEVICE, List.of("get-health-info"),
                DeviceKind.NVME_CONTROLLER, List.of("smart-log")), devices);
    }

    private static DeviceInfo device(String id, DeviceKind kind) {
        return new DeviceInfo(DeviceId.parse(id), kind, 0x8086, 0x0d93, Optional.of("SN-" + id), "test device");
    }

    /** Keeps the repeating tasks; the test runs each once per {@link #runAll()}. */
    static final class ManualScheduler implements Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        int stopped;

        @Override
        public Runnable repeat(Duration delay, Runnable task) {
            tasks.add(task);
            delays.add(delay);
            return () -> {
                tasks.remove(task);
                stopped++;
            };
        }

        void runAll() {
            List.copyOf(tasks).forEach(Runnable::run);
        }
    }
}
