package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A soak of the real daemon, on loopback (its Unix socket) only and bounded in time ({@code soak.seconds},
 * 120 by default): many clients call every emulated device with a mix of telemetry and configuration
 * commands, calls the gate refuses, bad requests and a dev plugin's command, while that plugin is
 * hot-reloaded every window. Per window it records calls, errors, refusals, p99 latency, the daemon's heap
 * after a full GC and its RSS (target/reliability/soak.txt); it asserts that the audit log holds exactly
 * the records the answers imply and verifies, and that the heap after GC does not grow (the median of the
 * last third of the windows is at most twice that of the first third).
 */
class SoakTest {
    private static final int CLIENTS = 16;
    private static final long WINDOW_SECONDS = 10;
    /** The outcomes counted, as the window table's columns after the calls. */
    private static final List<String> KINDS = List.of("result", "refused", "bad-request", "delivery-failed", "other");

    @TempDir
    Path work;
    private DaemonUnderTest daemon;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong expectedRecords = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        if (daemon != null) {
            daemon.kill();
        }
    }

    @Test
    void manyClientsForMinutesWithHotReloadsLoseNoRecordAndDoNotGrow() throws Exception {
        DaemonUnderTest.assumeAssembled();
        long seconds = Long.getLong("soak.seconds", 120);
        daemon = new DaemonUnderTest(work);
        DevPlugin.deploy(daemon.dev, 0);
        daemon.start();
        Map<String, String> telemetry = Emulated.telemetryCommands(daemon.socket);
        long before = callRecords();
        CountDownLatch stop = new CountDownLatch(1);
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(DaemonKillTest.SEED + c);
            pool.execute(() -> client(telemetry, random, stop));
        }
        List<String> rows = new ArrayList<>(List.of(
                "window_end_s calls results refused bad_request delivery_failed other p99_ms heap_after_gc_kib rss_kib"));
        List<Long> heaps = new ArrayList<>();
        long windows = Math.max(1, seconds / WINDOW_SECONDS);
        long[] previous = new long[KINDS.size() + 1];
        for (int w = 1; w <= windows; w++) {
            stop.await(WINDOW_SECONDS, TimeUnit.SECONDS);
            DevPlugin.deploy(daemon.dev, w);
            long heap = daemon.heapAfterGc();
            heaps.add(heap);
            long[] now = snapshot();
            StringBuilder row = new StringBuilder(Long.toString(w * WINDOW_SECONDS));
            for (int i = 0; i < now.length; i++) {
                row.append(' ').append(now[i] - previous[i]);
            }
            rows.add(row + String.format(" %.1f %d %d", p99Millis(), heap / 1024, daemon.rss() / 1024));
            previous = now;
        }
        stop.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(DaemonUnderTest.LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        long records = callRecords() - before;
        rows.add("calls " + total() + ", call records " + records + ", expected " + expectedRecords.get()
                + ", outcomes " + outcomes);
        Figures.write("soak", rows);

        assertThat(count("other")).as("answers outside the protocol's call outcomes: %s", outcomes).isZero();
        assertThat(count("result")).isPositive();
        assertThat(count("refused")).isPositive();
        assertThat(records).as("audit completeness").isEqualTo(expectedRecords.get());
        try (Wire wire = new Wire(daemon.socket)) {
            assertThat(wire.ask(wire.request("verify")).path("result").path("intact").asBoolean()).isTrue();
        }
        // medians, so one window that caught many requests in flight does not decide
        int third = Math.max(1, heaps.size() / 3);
        assertThat(median(heaps.subList(heaps.size() - third, heaps.size()))).as("heap after GC per window: %s", heaps)
                .isLessThanOrEqualTo(2 * median(heaps.subList(0, third)));
    }

    private void client(Map<String, String> telemetry, Random random, CountDownLatch stop) {
        List<String> devices = new ArrayList<>(telemetry.keySet());
        try (Wire wire = new Wire(daemon.socket)) {
            while (stop.getCount() > 0) {
                int pick = random.nextInt(20);
                String device = devices.get(random.nextInt(devices.size()));
                ObjectNode request = switch (pick) {
                    case 0, 1 -> wire.call("emu:mem0", "set-timestamp", Map.of("timestamp", "1764000000000000000"), false);
                    case 2, 3 -> wire.call("emu:mem0", "sanitize", Map.of(), false);
                    case 4 -> wire.call("emu:mem0", "0xcf00", Map.of(), false);
                    case 5, 6 -> wire.call("emu:mem0", DevPlugin.COMMAND, Map.of(), false);
                    case 7 -> wire.call(device, "no-such-command", Map.of(), false);
                    default -> wire.call(device, telemetry.get(device), Map.of(), false);
                };
                long start = System.nanoTime();
                JsonNode answer = wire.ask(request);
                latencies.add(System.nanoTime() - start);
                tally(answer);
            }
        } catch (IOException e) {
            outcomes.computeIfAbsent("other", k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Counts the answer and the audit records it implies (docs/protocol.md: two per judged call, one per refusal). */
    private void tally(JsonNode answer) {
        String kind;
        long records;
        if (answer.has("result")) {
            kind = "result";
            records = 2;
        } else {
            kind = answer.path("error").path("kind").asText();
            String message = answer.path("error").path("message").asText();
            records = switch (kind) {
                case "refused" -> 1;
                case "bad-request" -> 0;
                // a call racing a hot reload is turned back before the gate; any other was judged and sent
                case "delivery-failed" -> message.contains("plugin changed") ? 0 : 2;
                default -> 0;
            };
            if (!List.of("refused", "bad-request", "delivery-failed").contains(kind)) {
                kind = "other";
            }
        }
        outcomes.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        expectedRecords.addAndGet(records);
    }

    /** @return calls so far, then each outcome kind of {@link #KINDS}, in that order */
    private long[] snapshot() {
        long[] counts = new long[KINDS.size() + 1];
        counts[0] = total();
        for (int i = 0; i < KINDS.size(); i++) {
            counts[i + 1] = count(KINDS.get(i));
        }
        return counts;
    }

    private long count(String kind) {
        AtomicLong value = outcomes.get(kind);
        return value == null ? 0 : value.get();
    }

    private long total() {
        return outcomes.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** The p99 of the calls answered since the last window, then forgets them. */
    private double p99Millis() {
        List<Long> window = new ArrayList<>();
        for (Long latency = latencies.poll(); latency != null; latency = latencies.poll()) {
            window.add(latency);
        }
        if (window.isEmpty()) {
            return 0;
        }
        window.sort(null);
        return window.get((int) Math.min(window.size() - 1, Math.ceil(window.size() * 0.99) - 1)) / 1e6;
    }

    /** @return audit records of calls (a decision or a result), not the deployer's events */
    private long callRecords() throws IOException {
        Path log = daemon.state.resolve("audit.jsonl");
        if (!Files.exists(log)) {
            return 0;
        }
        long count = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode record = Wire.JSON.readTree(line);
            if (record.has("decision") || record.has("result")) {
                count++;
            }
        }
        return count;
    }
}
