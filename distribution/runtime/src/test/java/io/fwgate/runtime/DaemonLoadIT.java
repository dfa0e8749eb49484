package io.fwgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Many clients at once against the real daemon: every call audited exactly twice (decision, result), no
 * record lost or duplicated, calls to one device serialized (no other record of that device between a
 * call's decision and its result), each client's calls to a device in the order it made them; then SIGTERM
 * under load: a clean exit, every call that was let in finished, and the audit log intact.
 */
class DaemonLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;
    private static final int CALLS = 50;

    private DaemonProcess daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.kill();
        }
    }

    /** One protocol connection as root. */
    private final class Connection implements AutoCloseable {
        private final SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket));
        private long next;

        Connection() throws IOException {
        }

        JsonNode ask(String op, String members) throws IOException {
            long id = ++next;
            String line = "{\"fwgate\":1,\"id\":" + id + ",\"op\":\"" + op + "\"" + members + "}\n";
            ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            String answer = RawClient.readLine(channel);
            if (answer == null) {
                throw new IOException("the daemon closed the connection");
            }
            JsonNode node = JSON.readTree(answer);
            assertThat(node.get("id").asLong()).isEqualTo(id);
            return node;
        }

        JsonNode call(String device, String command) throws IOException {
            return ask("call", ",\"device\":\"" + device + "\",\"command\":\"" + command + "\"");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** @return for each emulated device, a telemetry command without required arguments */
    private Map<String, String> telemetryCommands() throws IOException {
        Map<String, String> chosen = new LinkedHashMap<>();
        try (Connection connection = new Connection()) {
            for (JsonNode device : connection.ask("devices", "").get("result")) {
                String id = device.get("id").asText();
                for (JsonNode command : connection.ask("commands", ",\"device\":\"" + id + "\"").path("result")) {
                    boolean defaults = true;
                    for (JsonNode argument : command.get("arguments")) {
                        defaults &= !argument.get("default").isNull();
                    }
                    if (defaults && "telemetry".equals(command.get("level").asText())
                            && command.get("declared-effects").isEmpty()
                            && connection.call(id, command.get("name").asText()).has("result")) {
                        chosen.put(id, command.get("name").asText());
                        break;
                    }
                }
            }
        }
        assertThat(chosen).containsKey("emu:mem0");
        return chosen;
    }

    private record Done(int client, String device, long sequence) {
    }

    @Test
    void manyClientsManyCallsNoAuditRecordLostOrDuplicatedAndDevicesSerialized() throws Exception {
        daemon = DaemonProcess.start(null, "--max-connections", "32");
        Map<String, String> commands = telemetryCommands();
        List<String> devices = new ArrayList<>(commands.keySet());
        long before = auditSize();
        ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                try (Connection connection = new Connection()) {
                    for (int i = 0; i < CALLS; i++) {
                        String device = devices.get((client + i) % devices.size());
                        JsonNode answer = connection.call(device, commands.get(device));
                        assertThat(answer.has("result")).as(answer.toString()).isTrue();
                        done.add(new Done(client, device, answer.get("result").get("audit-sequence").asLong()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(DaemonProcess.LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(done).hasSize(CLIENTS * CALLS);
        List<JsonNode> records = auditSince(before);
        assertThat(records).as("a decision and a result per call").hasSize(2 * CLIENTS * CALLS);
        Set<Long> sequences = new HashSet<>();
        for (JsonNode record : records) {
            assertThat(sequences.add(record.get("seq").asLong())).as("unique seq").isTrue();
        }
        assertThat(sequences).hasSize(records.size());
        Set<Long> results = new HashSet<>();
        done.forEach(call -> assertThat(results.add(call.sequence())).as("one result record per call").isTrue());
        assertSerializedPerDevice(records, results);
        assertOrderedPerClient(done);
    }

    private static void assertSerializedPerDevice(List<JsonNode> records, Set<Long> results) {
        Map<String, JsonNode> open = new HashMap<>();
        for (JsonNode record : records) {
            String device = record.get("device").asText();
            if (record.has("decision")) {
                assertThat(record.get("decision").asText()).isEqualTo("allowed");
                assertThat(open.put(device, record)).as("another call on " + device + " began before "
                        + "the last one's result").isNull();
            } else {
                JsonNode decision = open.remove(device);
                assertThat(decision).as("result without its decision: " + record).isNotNull();
                assertThat(record.get("command").asText()).isEqualTo(decision.get("command").asText());
                assertThat(results).as("a result no client received").contains(record.get("seq").asLong());
            }
        }
        assertThat(open).as("decisions without a result").isEmpty();
    }

    private static void assertOrderedPerClient(ConcurrentLinkedQueue<Done> done) {
        Map<String, Long> last = new HashMap<>();
        // each client added its calls in the order it made them
        for (Done call : done) {
            String key = call.client() + " " + call.device();
            Long previous = last.get(key);
            assertThat(previous == null || previous < call.sequence()).as("client order on " + key).isTrue();
            last.put(key, call.sequence());
        }
    }

    private long auditSize() throws IOException {
        try (Connection connection = new Connection()) {
            return connection.ask("verify", "").get("result").get("records").asLong();
        }
    }

    private List<JsonNode> auditSince(long before) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Connection connection = new Connection()) {
            for (JsonNode record : connection.ask("audit", "").get("result")) {
                if (record.get("seq").asLong() > before) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    @Test
    void sigtermUnderLoadFinishesTheCallsLetInAndLeavesAnIntactLog() throws Exception {
        daemon = DaemonProcess.start(null, "--max-connections", "32");
        int clients = 8;
        CountDownLatch loaded = new CountDownLatch(clients * 5);
        AtomicBoolean stopped = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> endings = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                try (Connection connection = new Connection()) {
                    while (!stopped.get()) {
                        JsonNode answer = connection.call("emu:mem0", "identify");
                        if (!answer.has("result")) {
                            endings.add(answer.get("error").get("kind").asText());
                            return null;
                        }
                        received.add(answer.get("result").get("audit-sequence").asLong());
                        loaded.countDown();
                    }
                } catch (IOException e) {
                    endings.add("closed");
                }
                return null;
            }));
        }
        assertThat(loaded.await(DaemonProcess.LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        int exit = daemon.terminate();
        stopped.set(true);
        for (Future<?> future : futures) {
            future.get(DaemonProcess.LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(exit).as(daemon.errors()).isZero();
        assertThat(daemon.awaitLine("fwgate daemon: stopped")).isEqualTo("fwgate daemon: stopped");
        assertThat(daemon.socket).doesNotExist();
        assertThat(endings).allMatch(e -> e.equals("shutting-down") || e.equals("closed"));
        DaemonProcess.Run verify = DaemonProcess.fwgate(List.of(), List.of("--direct", "--state",
                daemon.state.toString(), "--config", daemon.config.toString(), "audit", "--verify"));
        assertThat(verify.exit()).as(verify.err()).isZero();
        DaemonProcess.Run log = DaemonProcess.fwgate(List.of(), List.of("--direct", "--state",
                daemon.state.toString(), "--config", daemon.config.toString(), "audit", "--json"));
        long decisions = 0;
        long results = 0;
        Set<Long> resultSequences = new HashSet<>();
        for (String line : log.out().lines().toList()) {
            JsonNode record = JSON.readTree(line);
            decisions += record.has("decision") ? 1 : 0;
            if (record.has("result")) {
                results++;
                resultSequences.add(record.get("seq").asLong());
            }
        }
        assertThat(results).as("every call let in before SIGTERM finished").isEqualTo(decisions);
        assertThat(resultSequences).as("every answer a client got is in the log").containsAll(received);
    }
}
