package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
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

import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;

/**
 * Device faults injected under the real call path: every call ends (success, device error, or a
 * delivery failure naming the device), each has its decision and its result in the audit log, and a
 * faulty device never blocks another one.
 */
class DeviceFaultTest {
    /** Health 4200h reads; Sanitize 4400h changes data and security state in the background (CEL bits 2, 5, 6). */
    private static final int[] CEL = { 0x4000, 0x0000, 0x4200, 0x0000, 0x4400, 0x0064, 0x0002, 0x0000 };
    private static final int HEALTH_SIZE = 18;

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FaultyDevice devices = new FaultyDevice(CEL);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Rig rig;

    @BeforeEach
    void assemble() throws Exception {
        devices.with("mem0", r -> new DeviceResponse(0, new byte[HEALTH_SIZE])).with("mem1",
                r -> new DeviceResponse(0, new byte[HEALTH_SIZE]));
        rig = new Rig(config, state, Duration.ofSeconds(1)).transport(devices).cxlMemPlugin(7);
    }

    @AfterEach
    void release() {
        devices.release("mem0");
        callers.shutdownNow();
        rig.close();
    }

    private CallResult health(String device) throws CallException {
        return rig.call(Rig.USER, device, "get-health-info", Map.of(), false);
    }

    @Test
    void aDeviceThatNeverAnswersFailsTheCallAndIsQuarantinedWhileTheOthersWork() throws Exception {
        health("mem0"); // the CEL is read on first use, before the device stops answering
        devices.hang("mem0");
        assertThatThrownBy(() -> health("mem0")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("faulty:mem0 did not answer within");
        assertThatThrownBy(() -> health("mem0")).hasMessageContaining("no other command is sent to it");
        assertThat(health("mem1").ok()).isTrue();
        assertThat(devices.commandsSent("mem0")).hasSize(2);

        devices.release("mem0");
        assertThat(eventually(() -> health("mem0").ok())).isTrue();
        // retries while the late answer was still on its way failed at the quarantine, unsent
        assertThat(devices.commandsSent("mem0")).hasSize(3);
        List<Object> results = results();
        assertThat(results.subList(0, 4)).containsExactly("success", "delivery-failed", "delivery-failed", "success");
        assertThat(results.subList(4, results.size() - 1)).allMatch("delivery-failed"::equals);
        assertThat(results.get(results.size() - 1)).isEqualTo("success");
    }

    @Test
    void anAnswerShorterThanItsLayoutIsUndecodableNotASuccess() throws Exception {
        devices.answering("mem0", r -> new DeviceResponse(0, new byte[3]));
        assertThatThrownBy(() -> health("mem0")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("does not decode");
        assertThat(results()).containsExactly("undecodable");
    }

    /** Finding F1 (docs/RELIABILITY.md), fixed: the router decoded whatever length the device returned. */
    @Test
    void anAnswerLongerThanTheCommandAllowsIsRefusedNotDecoded() throws Exception {
        devices.answering("mem0", r -> new DeviceResponse(0, new byte[r.maxResponseSize() + 1]));
        assertThatThrownBy(() -> health("mem0")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("answered with 19 bytes, more than the at most 18 get-health-info returns");
        assertThatThrownBy(() -> rig.call(Rig.ROOT, "mem0", "0x4200", Map.of(), false))
                .hasMessageContaining(PreparedCall.RAW_MAX_RESPONSE + 1 + " bytes");
        assertThat(results()).containsExactly("undecodable", "undecodable");
    }

    @Test
    void aDeviceFailingEveryCallGivesAFailureResultEveryTime() throws Exception {
        int[] codes = { 2, 3, 4, 5, 6, 0x15, 0xffff };
        for (int code : codes) {
            devices.answering("mem0", r -> new DeviceResponse(code, new byte[0]));
            CallResult result = health("mem0");
            assertThat(result.ok()).isFalse();
            assertThat(result.status()).isEqualTo(code);
            assertThat(result.statusName()).isNotBlank();
        }
        assertThat(results()).hasSize(codes.length).containsOnly("device-error");
        assertThat(rig.records()).hasSize(2 * codes.length);
    }

    @Test
    void aBackgroundOperationThatNeverCompletesStaysRunningAndEveryPollIsAudited() throws Exception {
        // Background Operation Status (0002h): byte 0 bit 0 in progress, bits 7:1 percent; u16 opcode at 2
        byte[] running = { (byte) (1 | 40 << 1), 0, 0x00, 0x44, 0, 0, 0, 0 };
        devices.answering("mem0", r -> r.opcode() == 0x4400 ? new DeviceResponse(ReturnCodes.CXL_BACKGROUND_STARTED,
                new byte[0]) : new DeviceResponse(0, running));
        CallResult started = rig.call(Rig.ROOT, "mem0", "sanitize", Map.of(), true);
        assertThat(started.status()).isEqualTo(ReturnCodes.CXL_BACKGROUND_STARTED);
        Devices.Reached device = rig.devices.find(FaultyDevice.id("mem0")).orElseThrow();
        int polls = 50;
        for (int i = 0; i < polls; i++) {
            BackgroundProgress progress = ProgressReader.read(rig.router, Rig.USER, device);
            assertThat(progress.running()).isTrue();
            assertThat(progress.percent()).isEqualTo(40);
            assertThat(progress.opcode()).isEqualTo(0x4400);
        }
        assertThat(rig.records()).hasSize(2 + 2 * polls);
    }

    @Test
    void aDeviceRemovedMidCallFailsThatCallAndEveryLaterOne() throws Exception {
        health("mem0");
        devices.hang("mem0");
        Future<CallResult> inFlight = callers.submit(() -> rig.call(Rig.ROOT, "mem0", "get-health-info", Map.of(), false));
        devices.awaitStuck("mem0");
        devices.remove("mem0");
        devices.release("mem0");
        assertThatThrownBy(() -> inFlight.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CallException.class)
                .hasMessageContaining("faulty:mem0 was removed");
        // the core's device index may still hold it: then the call fails as the device does, gone
        assertThatThrownBy(() -> health("mem0")).isInstanceOf(CallException.class)
                .hasMessageMatching(".*(unknown device faulty:mem0|faulty:mem0 was removed).*");
        assertThat(health("mem1").ok()).isTrue();
    }

    /**
     * Finding F10, fixed: the device index kept a removed device, so another one plugged in at its id was
     * judged as it. Now the transport reports the replaced device gone on the first send (nothing is sent),
     * the core forgets what it knew of it, and the next call is judged as what is there now.
     */
    @Test
    void aDeviceReplacedAtTheSameIdIsJudgedAsWhatItIsNow() throws Exception {
        health("mem0");
        devices.remove("mem0");
        devices.withSwitch("mem0");
        assertThatThrownBy(() -> health("mem0")).isInstanceOf(CallException.class)
                .hasMessageContaining("was replaced since it was listed");
        assertThatThrownBy(() -> health("mem0")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.BAD_REQUEST))
                .hasMessageContaining("unknown command 'get-health-info'");
        assertThat(devices.commandsSent("mem0")).containsExactly(0x4200);
    }

    private List<Object> results() throws Exception {
        return rig.records().stream().filter(r -> r.containsKey("result")).map(r -> r.get("result")).toList();
    }

    /** Retries for up to 30 s: the quarantine ends on a pool thread as soon as the late answer is in. */
    static boolean eventually(ThrowingCondition condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (Exception e) {
                // not yet: the device is still quarantined
            }
            Thread.yield();
        }
        return false;
    }

    /** A condition that may throw while it does not hold yet. */
    interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
