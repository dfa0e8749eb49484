package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.RefusedException;

/**
 * Faults injected between the platform and the emulated CXL memory device {@code emu:mem0} (the real
 * emulator, its real CEL, the cxl-mem plugin's real table): the call path stays bounded, audited and
 * closed to escalation whatever the device does.
 */
class EmulatorFaultTest {
    private static final DeviceId MEM0 = new DeviceId("emu", "mem0");
    private static final Caller CONFIGURATION = new Caller(1002, 1002, new long[] { 1002 });

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FaultInjector device = new FaultInjector(EmulatedFabric.create(List.of()));
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Rig rig;

    @BeforeEach
    void assemble() throws Exception {
        Files.writeString(config.resolve(PolicyLoader.POLICY_FILE), "{\"grants\": [{\"uid\": 0, \"level\": "
                + "\"debug-write-full\"}, {\"uid\": 1002, \"level\": \"configuration\"}, {\"everyone\": true, "
                + "\"level\": \"telemetry\"}]}");
        rig = new Rig(config, state, Duration.ofSeconds(1)).transport(device).cxlMemPlugin(7);
    }

    @AfterEach
    void release() {
        device.release();
        callers.shutdownNow();
        rig.close();
    }

    private CallResult call(Caller caller, String command, Map<String, String> args, boolean confirm)
            throws CallException {
        return rig.router.call(caller, new io.fwgate.platform.CallRequest(MEM0, command, args, confirm));
    }

    @Test
    void aSlowDeviceFailsTheCallAtTheDeadlineAndServesAgainOnceItAnswers() throws Exception {
        assertThat(call(Rig.USER, "identify", Map.of(), false).ok()).isTrue();
        device.hold();
        assertThatThrownBy(() -> call(Rig.USER, "get-health-info", Map.of(), false))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("did not answer within");
        device.release();
        assertThat(DeviceFaultTest.eventually(() -> call(Rig.USER, "get-health-info", Map.of(), false).ok())).isTrue();
    }

    @Test
    void truncatedAndPaddedAnswersNeverDecodeAsSomethingElse() throws Exception {
        device.rewrite(r -> new DeviceResponse(r.status(), Arrays.copyOf(r.payload(), r.payload().length / 2)));
        assertThatThrownBy(() -> call(Rig.USER, "identify", Map.of(), false))
                .isInstanceOfSatisfying(CallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("does not decode");
        assertThat(rig.records()).extracting(r -> r.get("result")).contains("undecodable");
    }

    @Test
    void aDeviceFailingEveryCommandIncludingItsCelIsJudgedNoLowerThanItsTables() throws Exception {
        device.rewriteAll(r -> new DeviceResponse(0x0004, new byte[0])); // CXL return code 4: internal error
        CallResult health = call(Rig.USER, "get-health-info", Map.of(), false);
        assertThat(health.ok()).isFalse();
        assertThat(health.statusName()).isNotBlank();
        assertThatThrownBy(() -> call(Rig.USER, "set-timestamp", Map.of("timestamp", "1"), false))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.CONFIGURATION));
        // with no CEL, a raw opcode no table declares needs the highest level
        assertThatThrownBy(() -> call(CONFIGURATION, "0x4300", Map.of(), true))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL));
    }

    @Test
    void aDeviceRemovedMidCallFailsThatCallAndEveryLaterOne() throws Exception {
        call(Rig.USER, "identify", Map.of(), false);
        device.hold();
        Future<CallResult> inFlight = callers.submit(() -> call(Rig.ROOT, "get-health-info", Map.of(), false));
        device.awaitHeld();
        device.remove(MEM0);
        device.release();
        assertThatThrownBy(() -> inFlight.get(30, TimeUnit.SECONDS)).hasMessageContaining("emu:mem0 was removed");
        // the core's device index may still hold it: then the call fails as the device does, gone
        assertThatThrownBy(() -> call(Rig.USER, "identify", Map.of(), false))
                .hasMessageMatching(".*(unknown device emu:mem0|emu:mem0 was removed).*");
    }

    @Test
    void aSanitizeWhoseBackgroundOperationNeverEndsStaysRunningAndEveryPollIsAudited() throws Exception {
        CallResult started = call(Rig.ROOT, "sanitize", Map.of(), true);
        assertThat(started.status()).isEqualTo(ReturnCodes.CXL_BACKGROUND_STARTED);
        // Background Operation Status (0002h): byte 0 bit 0 in progress, bits 7:1 percent; u16 opcode at 2
        byte[] stuck = { (byte) (1 | 10 << 1), 0, 0x00, 0x44, 0, 0, 0, 0 };
        device.rewrite(r -> r.payload().length == 8 ? new DeviceResponse(0, stuck) : r);
        Devices.Reached reached = rig.devices.find(MEM0).orElseThrow();
        int before = rig.records().size();
        for (int i = 0; i < 20; i++) {
            BackgroundProgress progress = ProgressReader.read(rig.router, Rig.USER, reached);
            assertThat(progress.running()).isTrue();
            assertThat(progress.percent()).isEqualTo(10);
        }
        assertThat(rig.records()).hasSize(before + 40);
    }
}
