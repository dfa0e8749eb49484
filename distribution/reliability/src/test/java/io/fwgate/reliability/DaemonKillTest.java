package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The daemon SIGKILLed at random points of a load of calls, three times over one state directory: after
 * each restart the audit log verifies, every call that was reported to a client has its result record
 * (same sequence number, device, command and outcome), no line is torn, and the taint flag set before the
 * first kill is still set. The kill points are drawn from a fixed seed as counts of answered calls.
 */
class DaemonKillTest {
    static final long SEED = 20261124L;
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 6;

    @TempDir
    Path work;
    private DaemonUnderTest daemon;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** One call a client was told the outcome of. */
    record Answered(long sequence, String device, String command, boolean ok) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        if (daemon != null) {
            daemon.kill();
        }
    }

    @Test
    void killedUnderLoadItLosesNoAnsweredCallTearsNoRecordAndStaysTainted() throws Exception {
        DaemonUnderTest.assumeAssembled();
        daemon = new DaemonUnderTest(work);
        Random random = new Random(SEED);
        List<String> figures = new ArrayList<>();
        ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
        daemon.start();
        Map<String, String> commands = Emulated.telemetryCommands(daemon.socket);
        taint();
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                daemon.start();
                assertIntact();
            }
            int killAfter = 50 + random.nextInt(400);
            int before = answered.size();
            load(commands, answered, killAfter, random.nextLong());
            daemon.kill();
            figures.add("round " + (round + 1) + ": SIGKILL after " + killAfter + " answers; calls answered in the round "
                    + (answered.size() - before));
        }
        daemon.start();
        assertIntact();
        Map<Long, JsonNode> records = records();
        figures.add("answered calls " + answered.size() + ", audit records after the last restart " + records.size()
                + ", answered calls without their record 0 (asserted), verify intact after every restart (asserted)");
        Figures.write("sigkill", figures);
        assertThat(answered).hasSizeGreaterThan(ROUNDS * 50);
        for (Answered call : answered) {
            JsonNode record = records.get(call.sequence());
            assertThat(record).as("record %d of %s", call.sequence(), call).isNotNull();
            assertThat(record.path("device").asText()).isEqualTo(call.device());
            assertThat(record.path("command").asText()).isEqualTo(call.command());
            assertThat(record.path("result").asText()).isEqualTo(call.ok() ? "success" : "device-error");
        }
        try (Wire wire = new Wire(daemon.socket)) {
            assertThat(wire.ask(wire.request("status")).path("result").path("tainted").asBoolean()).isTrue();
        }
    }

    /** A debug-write-full command run once: the host is tainted from now on, across every restart. */
    private void taint() throws IOException {
        try (Wire wire = new Wire(daemon.socket)) {
            JsonNode answer = wire.ask(wire.call("emu:mem0", "set-lsa", Map.of("offset", "0", "data", "00"), true));
            assertThat(answer.path("result").path("ok").asBoolean()).as(answer.toString()).isTrue();
        }
    }

    /** Clients call until the daemon dies; returns once {@code killAfter} calls were answered. */
    private void load(Map<String, String> commands, ConcurrentLinkedQueue<Answered> answered, int killAfter, long seed)
            throws InterruptedException {
        List<String> devices = new ArrayList<>(commands.keySet());
        CountDownLatch enough = new CountDownLatch(killAfter);
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(seed + c);
            pool.execute(() -> {
                try (Wire wire = new Wire(daemon.socket)) {
                    while (!Thread.currentThread().isInterrupted()) {
                        String device = devices.get(random.nextInt(devices.size()));
                        JsonNode result = wire.ask(wire.call(device, commands.get(device), Map.of(), false))
                                .path("result");
                        if (result.has("audit-sequence")) {
                            answered.add(new Answered(result.get("audit-sequence").asLong(), device,
                                    commands.get(device), result.get("ok").asBoolean()));
                        }
                        enough.countDown();
                    }
                } catch (IOException e) {
                    // the daemon was killed under this client: expected, the round is over
                }
            });
        }
        assertThat(enough.await(DaemonUnderTest.LIMIT_SECONDS, TimeUnit.SECONDS)).as("calls answered").isTrue();
    }

    private void assertIntact() throws IOException {
        try (Wire wire = new Wire(daemon.socket)) {
            JsonNode verdict = wire.ask(wire.request("verify")).path("result");
            assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        }
    }

    /** Every line of the log, each a whole JSON object, by sequence number. */
    private Map<Long, JsonNode> records() throws IOException {
        Map<Long, JsonNode> bySequence = new HashMap<>();
        List<String> lines = Files.readAllLines(daemon.state.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        for (String line : lines) {
            JsonNode record = Wire.JSON.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            bySequence.put(record.get("seq").asLong(), record);
        }
        assertThat(bySequence).hasSize(lines.size());
        return bySequence;
    }
}
