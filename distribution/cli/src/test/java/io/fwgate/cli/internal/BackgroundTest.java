package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallResult;

/** Background operations: followed by polling, or handed out as a handle and resumed with {@code wait}. */
class BackgroundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeGateway gateway = new FakeGateway();

    private void sanitizeStartsInTheBackground() {
        gateway.answer = (caller, request) -> new CallResult(request.device(), request.command(), 0x4400,
                Level.DEBUG_WRITE_FULL, Reach.DEVICE, 1, "background-command-started", Map.of(), 44);
    }

    private void deviceReports(BackgroundProgress... polls) {
        gateway.progress.addAll(List.of(polls));
    }

    private static BackgroundProgress running(int percent) {
        return new BackgroundProgress(true, percent, 0x4400, 0, "running");
    }

    private static final BackgroundProgress DONE = new BackgroundProgress(false, 100, 0x4400, 0, "success");

    @Test
    void aBackgroundCommandIsPolledUntilTheDeviceSaysItEnded() {
        sanitizeStartsInTheBackground();
        deviceReports(running(0), running(40), running(40), DONE);

        Run run = Run.of(gateway, "call", "emu:mem0", "sanitize", "--confirm");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.polled).hasSize(4).containsOnly(FakeGateway.MEM0);
        assertThat(run.out().lines()).startsWith(
                "emu:mem0 sanitize (opcode 0x4400, needs debug-write-full/device): background-command-started, "
                        + "audit record 44")
                .endsWith("emu:mem0 background operation 0x4400 finished: success");
        assertThat(run.err()).as("no bar without a terminal").isEmpty();
    }

    @Test
    void jsonPrintsTheResultThenOneLinePerChange() throws IOException {
        sanitizeStartsInTheBackground();
        deviceReports(running(0), running(40), running(40), DONE);

        Run run = Run.of(gateway, "call", "emu:mem0", "sanitize", "--confirm", "--json");

        assertThat(run.exit()).isZero();
        List<JsonNode> values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(run.out()).readAll();
        assertThat(values.get(0).get("status-name").asText()).isEqualTo("background-command-started");
        List<JsonNode> lines = values.subList(1, values.size());
        assertThat(lines).extracting(line -> line.get("progress").asInt()).containsExactly(0, 40, 100);
        assertThat(lines).extracting(line -> line.get("handle").asText()).containsOnly("emu:mem0:0x4400:44");
        assertThat(lines.get(2).get("running").asBoolean()).isFalse();
        assertThat(lines.get(2).get("status-name").asText()).isEqualTo("success");
        assertThat(run.out().lines().filter(line -> line.startsWith("{\"handle\""))).hasSize(3);
    }

    @Test
    void onATerminalABarIsDrawnOnTheErrorStream() {
        sanitizeStartsInTheBackground();
        deviceReports(running(50), DONE);

        Run run = Run.of(gateway, () -> Run.ROOT, Run.environment(true, Map.of()), "call", "emu:mem0", "sanitize",
                "--confirm");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("\remu:mem0 0x4400 [" + "#".repeat(15) + " ".repeat(15) + "]  50%")
                .contains("[" + "#".repeat(30) + "] 100%").endsWith("\n");
    }

    @Test
    void noWaitPrintsAHandleAndPollsNothing() {
        sanitizeStartsInTheBackground();

        Run run = Run.of(gateway, "call", "emu:mem0", "sanitize", "--confirm", "--no-wait");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("handle: emu:mem0:0x4400:44 (follow it with 'fwgate wait emu:mem0:0x4400:44')");
        assertThat(gateway.polled).isEmpty();
    }

    @Test
    void noWaitWithJsonAddsAHandleLine() throws IOException {
        sanitizeStartsInTheBackground();

        Run run = Run.of(gateway, "call", "emu:mem0", "sanitize", "--confirm", "--no-wait", "--json");

        List<JsonNode> values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(run.out()).readAll();
        assertThat(values).hasSize(2);
        assertThat(values.get(1).get("handle").asText()).isEqualTo("emu:mem0:0x4400:44");
    }

    @Test
    void waitResumesAHandle() {
        deviceReports(running(90), DONE);

        Run run = Run.of(gateway, "wait", "emu:mem0:0x4400:44");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("emu:mem0 background operation 0x4400 finished: success\n");
        assertThat(gateway.polled).hasSize(2);
    }

    @Test
    void anOperationThatFailsOnTheDeviceExitsFour() {
        deviceReports(running(10), new BackgroundProgress(false, 10, 0x4400, 0x0007, "media-disabled"));

        Run run = Run.of(gateway, "wait", "emu:mem0:0x4400:44");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).isEqualTo("fwgate: emu:mem0 background operation 0x4400 failed on the device: "
                + "media-disabled (status 7, 0x0007)\n");
    }

    @Test
    void aHandleForAnotherOperationIsAUsageError() {
        deviceReports(new BackgroundProgress(false, 100, 0x0201, 0, "success"));

        Run run = Run.of(gateway, "wait", "emu:mem0:0x4400:44");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("background operation is 0x0201, not the handle's 0x4400");
    }

    @Test
    void aMalformedHandleIsAUsageError() {
        Run run = Run.of(gateway, "wait", "emu:mem0:sanitize");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("DEVICE:OPCODE:AUDIT-SEQUENCE");
        assertThat(gateway.polled).isEmpty();
    }

    @Test
    void nvmeSanitizeSucceedsAtOnceAndIsFollowedThroughTheSanitizeLog() {
        gateway.devices.add(new DeviceInfo(FakeGateway.NVME0, DeviceKind.NVME_CONTROLLER, 0x1b36, 0x0010,
                Optional.empty(), "emulated NVMe controller"));
        gateway.answer = (caller, request) -> new CallResult(request.device(), request.command(), 0x84,
                Level.DEBUG_WRITE_FULL, Reach.DEVICE, 0, "success", Map.of(), 50);
        deviceReports(new BackgroundProgress(true, 25, 0x84, 0, "running"),
                new BackgroundProgress(false, 100, 0x84, 0, "success"));

        Run run = Run.of(gateway, "call", "emu:nvme0", "sanitize", "--confirm");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.polled).containsOnly(FakeGateway.NVME0).hasSize(2);
    }

    @Test
    void anOrdinarySuccessPollsNothing() {
        Run run = Run.of(gateway, "call", "emu:mem0", "identify");

        assertThat(run.exit()).isZero();
        assertThat(gateway.polled).isEmpty();
    }

    @Test
    void aHandleReadsBackAsWritten() {
        Handle handle = Handle.parse("mctp:1,8:0xc001:12");

        assertThat(handle.device().toString()).isEqualTo("mctp:1,8");
        assertThat(handle.opcode()).isEqualTo(0xc001);
        assertThat(handle.auditSequence()).isEqualTo(12);
        assertThat(handle).hasToString("mctp:1,8:0xc001:12");
    }
}
