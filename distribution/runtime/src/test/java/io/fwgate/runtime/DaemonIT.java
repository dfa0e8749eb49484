package io.fwgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * fwgated as users meet it: the assembled launcher runs {@code fwgate daemon} with emulated devices; the CLI
 * (a separate JVM, as root or, through setpriv, as other users) and raw protocol clients talk to it. The
 * policy grants by numeric ids, so no system users or groups are created: uid 4241 is in no group, uid 4243
 * is in group 4242, which the policy grants configuration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONNECTIONS = 6;
    private static final int MAX_REQUEST_BYTES = 4096;
    private static final List<String> NOBODY_IN_NO_GROUP = List.of("--reuid", "4241", "--regid", "4241",
            "--clear-groups");
    private static final List<String> MEMBER_OF_4242 = List.of("--reuid", "4243", "--regid", "4243", "--groups",
            "4242");
    private static final String POLICY = """
            { "grants": [ { "uid": 0, "level": "debug-write-full" }, { "gid": 4242, "level": "configuration" },
                          { "everyone": true, "level": "telemetry" } ] }
            """;

    private static DaemonProcess daemon;

    @TempDir
    static Path directState;

    @BeforeAll
    static void startDaemon() throws Exception {
        assertThat(DaemonProcess.launcher()).isRegularFile();
        daemon = DaemonProcess.start(POLICY, "--socket-mode", "0666", "--max-connections",
                Integer.toString(MAX_CONNECTIONS), "--max-request-bytes", Integer.toString(MAX_REQUEST_BYTES),
                "--read-timeout-ms", "1000");
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            assertThat(daemon.terminate()).as(daemon.errors()).isZero();
            assertThat(daemon.socket).as("the socket file is removed on stop").doesNotExist();
        }
    }

    private static boolean root() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    }

    private static boolean setprivAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));
    }

    private static void assumeOtherUsersPossible() throws IOException {
        assumeTrue(root(), "SKIPPED: connecting as other users needs root (setpriv --reuid); these tests run as "
                + "uid " + ProcessHandle.current().info().user().orElse("?") + ", so the identity checks did not run");
        assumeTrue(setprivAvailable(), "SKIPPED: util-linux setpriv is not installed, so the identity checks "
                + "did not run");
    }

    private static DaemonProcess.Run client(List<String> asUser, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("--socket", daemon.socket.toString()));
        command.addAll(List.of(args));
        return DaemonProcess.fwgate(asUser, command);
    }

    private static DaemonProcess.Run direct(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("--direct", "--emulated", "--state", directState.toString(),
                "--config", daemon.config.toString()));
        command.addAll(List.of(args));
        return DaemonProcess.fwgate(List.of(), command);
    }

    private static SocketChannel connect() throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket));
    }

    private static void send(SocketChannel channel, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static JsonNode answer(SocketChannel channel) throws IOException {
        String line = RawClient.readLine(channel);
        return line == null ? null : JSON.readTree(line);
    }

    private static String kind(JsonNode answer) {
        return answer.path("error").path("kind").asText("<no error: " + answer + ">");
    }

    @Test
    @Order(1)
    void connectionsBeyondTheLimitAreAnsweredBusyAndOthersGoOn() throws Exception {
        List<SocketChannel> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                SocketChannel channel = connect();
                admitted.add(channel);
                send(channel, "{\"fwgate\":1,\"id\":" + i + ",\"op\":\"devices\"}\n");
                assertThat(answer(channel).has("result")).isTrue();
            }
            try (SocketChannel extra = connect()) {
                JsonNode busy = answer(extra);

                assertThat(kind(busy)).isEqualTo("busy");
                assertThat(RawClient.readLine(extra)).as("closed").isNull();
            }
            send(admitted.get(0), "{\"fwgate\":1,\"id\":99,\"op\":\"status\"}\n");
            assertThat(answer(admitted.get(0)).has("result")).isTrue();
        } finally {
            for (SocketChannel channel : admitted) {
                channel.close();
            }
        }
    }

    @Test
    @Order(2)
    void theCliAsAClientPrintsWhatTheDirectCliPrints() throws Exception {
        List<String[]> commands = List.of(new String[] { "list" }, new String[] { "list", "--json" },
                new String[] { "commands", "emu:mem0" }, new String[] { "commands", "emu:mem0", "--json" },
                new String[] { "plugins", "--json" }, new String[] { "call", "emu:mem0", "identify" },
                new String[] { "call", "emu:mem0", "get-health-info", "--json" },
                new String[] { "call", "emu:mem0", "no-such-command" },
                new String[] { "call", "emu:nosuch", "identify" },
                new String[] { "call", "emu:mem0", "get-lsa", "--arg", "length=banana" },
                new String[] { "call", "emu:mem0", "mem0" }, new String[] { "status" }, new String[] { "--version" });
        for (String[] args : commands) {
            DaemonProcess.Run viaDaemon = client(List.of(), args);
            DaemonProcess.Run inProcess = direct(args);

            String what = String.join(" ", args);
            assertThat(viaDaemon.exit()).as(what + ": " + viaDaemon.err()).isEqualTo(inProcess.exit());
            assertThat(normal(viaDaemon.out())).as(what).isEqualTo(normal(inProcess.out()));
            assertThat(viaDaemon.err()).as(what).isEqualTo(inProcess.err());
        }
    }

    /**
     * Audit sequence numbers, the state directory and the emulated MCTP endpoint's pseudo-terminal (each
     * platform opens its own) differ between the two platforms, nothing else.
     */
    private static String normal(String output) {
        return output.replace(daemon.state.toString(), "<state>").replace(directState.toString(), "<state>")
                .replaceAll("audit record \\d+", "audit record N").replaceAll("\"audit-sequence\" : \\d+", "seq")
                .replaceAll("/dev/pts/\\d+", "/dev/pts/N");
    }

    @Test
    @Order(3)
    void aUserInNoGroupGetsTelemetryOnly() throws Exception {
        assumeOtherUsersPossible();

        DaemonProcess.Run status = client(NOBODY_IN_NO_GROUP, "status", "--json");
        DaemonProcess.Run telemetry = client(NOBODY_IN_NO_GROUP, "call", "emu:mem0", "get-health-info");
        DaemonProcess.Run configuration = client(NOBODY_IN_NO_GROUP, "call", "emu:mem0", "set-timestamp", "--arg",
                "timestamp=1764000000000000000");

        assertThat(status.exit()).as(status.err()).isZero();
        JsonNode view = JSON.readTree(status.out());
        assertThat(view.get("caller").get("uid").asLong()).isEqualTo(4241);
        assertThat(view.get("caller").get("groups")).isEmpty();
        assertThat(view.get("granted-level").asText()).isEqualTo("telemetry");
        assertThat(telemetry.exit()).as(telemetry.err()).isZero();
        assertThat(configuration.exit()).as(configuration.err()).isEqualTo(3);
        assertThat(configuration.err()).startsWith("fwgate: refused: ").contains("configuration").contains("telemetry");
    }

    @Test
    @Order(3)
    void aMemberOfThePolicysGroupGetsConfiguration() throws Exception {
        assumeOtherUsersPossible();

        DaemonProcess.Run status = client(MEMBER_OF_4242, "status", "--json");
        DaemonProcess.Run configuration = client(MEMBER_OF_4242, "call", "emu:mem0", "set-timestamp", "--arg",
                "timestamp=1764000000000000000");
        DaemonProcess.Run dataChange = client(MEMBER_OF_4242, "call", "emu:mem0", "sanitize", "--confirm");

        JsonNode view = JSON.readTree(status.out());
        assertThat(view.get("caller").get("groups").get(0).asLong()).isEqualTo(4242);
        assertThat(view.get("granted-level").asText()).isEqualTo("configuration");
        assertThat(configuration.exit()).as(configuration.err()).isZero();
        assertThat(dataChange.exit()).as("sanitize needs debug-write-full").isEqualTo(3);
    }

    @Test
    @Order(3)
    void aClientClaimingAnotherIdentityIsRefusedAndStillJudgedAsItself() throws Exception {
        assumeOtherUsersPossible();
        List<String> command = new ArrayList<>(List.of("setpriv"));
        command.addAll(NOBODY_IN_NO_GROUP);
        command.addAll(List.of(DaemonProcess.java(), "-XX:-UsePerfData", "-cp",
                ReachableByOthers.copyIfHidden(
                        Path.of(RawClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())).toString(),
                RawClient.class.getName(), daemon.socket.toString(),
                "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"set-timestamp\","
                        + "\"arguments\":{\"timestamp\":\"1\"},\"uid\":0,\"groups\":[0]}",
                "{\"fwgate\":1,\"id\":2,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"set-timestamp\","
                        + "\"arguments\":{\"timestamp\":\"1\"}}",
                "{\"fwgate\":1,\"id\":3,\"op\":\"status\"}", "{\"fwgate\":1,\"id\":4,\"op\":\"audit\"}"));

        DaemonProcess.Run run = DaemonProcess.run(command);

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            answers.add(JSON.readTree(line));
        }
        assertThat(kind(answers.get(0))).isEqualTo("invalid-request");
        assertThat(answers.get(0).get("error").get("message").asText()).contains("unknown member 'uid'");
        assertThat(kind(answers.get(1))).isEqualTo("refused");
        assertThat(answers.get(1).get("error").get("granted-level").asText()).isEqualTo("telemetry");
        assertThat(answers.get(2).get("result").get("caller").get("uid").asLong()).isEqualTo(4241);
        assertThat(kind(answers.get(3))).as("the audit log is not for telemetry-only callers").isEqualTo("refused");
    }

    @Test
    @Order(4)
    void malformedRequestsGetErrorsAndTheDaemonServesOthers() throws Exception {
        try (SocketChannel fuzz = connect()) {
            send(fuzz, "{\"fwgate\":1,\"id\":1,\"op\":\"devices\"\n");
            assertThat(kind(answer(fuzz))).isEqualTo("malformed");
            send(fuzz, "not json at all\n");
            assertThat(kind(answer(fuzz))).isEqualTo("malformed");
            send(fuzz, "{\"fwgate\":1,\"id\":2,\"op\":\"devices\",\"verbose\":true}\n");
            assertThat(kind(answer(fuzz))).isEqualTo("invalid-request");
            send(fuzz, "{\"fwgate\":1,\"id\":3,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"get-lsa\","
                    + "\"arguments\":[\"offset\",0],\"confirm\":\"yes\"}\n");
            assertThat(kind(answer(fuzz))).isEqualTo("invalid-request");
            send(fuzz, "{\"fwgate\":\"one\",\"id\":4,\"op\":\"devices\"}\n");
            assertThat(kind(answer(fuzz))).isEqualTo("unsupported-version");
            send(fuzz, "{\"fwgate\":1,\"id\":5,\"op\":\"devices\"}\n");
            assertThat(answer(fuzz).get("result")).as("still served after five bad lines").isNotEmpty();
            send(fuzz, "{\"fwgate\":1,\"id\":6,\"op\":\"devices\",\"pad\":\"" + "x".repeat(MAX_REQUEST_BYTES)
                    + "\"}\n");
            assertThat(kind(answer(fuzz))).isEqualTo("too-large");
            assertThat(RawClient.readLine(fuzz)).as("closed after too-large").isNull();
        }
        try (SocketChannel truncated = connect()) {
            send(truncated, "{\"fwgate\":1,\"id\":7,");
            truncated.shutdownOutput();
            assertThat(kind(answer(truncated))).isEqualTo("malformed");
        }
        try (SocketChannel stalled = connect()) {
            send(stalled, "{\"fwgate\":1,\"id\":8,");
            assertThat(kind(answer(stalled))).as("after the 1 s read timeout").isEqualTo("timeout");
        }
        try (SocketChannel other = connect()) {
            send(other, "{\"fwgate\":1,\"id\":9,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"identify\"}\n");
            assertThat(answer(other).get("result").get("status-name").asText()).isEqualTo("success");
        }
    }

    @Test
    @Order(5)
    void aBackgroundOperationIsFollowedToItsEndWithJsonProgressLines() throws Exception {
        DaemonProcess.Run run = client(List.of(), "call", "emu:mem0", "sanitize", "--confirm", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(run.out()).readAll();
        assertThat(values.get(0).get("status-name").asText()).isEqualTo("background-command-started");
        JsonNode last = values.get(values.size() - 1);
        assertThat(last.get("running").asBoolean()).isFalse();
        assertThat(last.get("progress").asInt()).isEqualTo(100);
        assertThat(last.get("status-name").asText()).isEqualTo("success");
        assertThat(last.get("handle").asText()).startsWith("emu:mem0:0x4400:");
    }

    @Test
    @Order(6)
    void noWaitHandsOutAHandleThatWaitResumes() throws Exception {
        DaemonProcess.Run started = client(List.of(), "call", "emu:mem0", "sanitize", "--confirm", "--no-wait");
        String handle = started.out().lines().filter(l -> l.startsWith("handle: ")).findFirst().orElseThrow()
                .split(" ")[1];

        DaemonProcess.Run waited = client(List.of(), "wait", handle);

        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(waited.exit()).as(waited.err()).isZero();
        assertThat(waited.out()).isEqualTo("emu:mem0 background operation 0x4400 finished: success\n");
    }

    @Test
    @Order(6)
    void theEmulatedMctpEndpointAnswersOverItsPseudoTerminal() throws Exception {
        DaemonProcess.Run list = client(List.of(), "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        // the daemon's emulator opened one pseudo-terminal for its life: the path list shows is the one to call
        String mctp = JSON.readTree(list.out()).findValuesAsText("id").stream()
                .filter(id -> id.startsWith("mctp-serial:/dev/pts/") && id.endsWith(",8")).findFirst().orElseThrow();

        DaemonProcess.Run health = client(List.of(), "call", mctp, "nvme-mi-subsystem-health-status-poll", "--json");
        DaemonProcess.Run types = client(List.of(), "call", mctp, "mctp-get-message-type-support", "--json");
        DaemonProcess.Run bind = client(List.of(), "call", mctp, "bind-vppb", "--arg", "vcs-id=0", "--arg", "vppb-id=1",
                "--arg", "port-id=1", "--arg", "ld-id=1", "--confirm");

        assertThat(health.exit()).as(health.err()).isZero();
        JsonNode response = JSON.readTree(health.out()).get("response");
        assertThat(response.get("composite-temperature-celsius").asInt()).isEqualTo(37);
        assertThat(response.get("nvm-subsystem-status").toString()).contains("drive-functional");
        assertThat(types.exit()).as(types.err()).isZero();
        assertThat(JSON.readTree(types.out()).get("response").toString()).contains("nvme-mi").contains("cxl-fm-api");
        assertThat(bind.exit()).as("a fabric command on a host role, even for root").isEqualTo(3);
        assertThat(bind.err()).startsWith("fwgate: refused: ").contains("fabric");
    }

    @Test
    @Order(7)
    void theAuditLogOfAllThisIsIntact() throws Exception {
        DaemonProcess.Run run = client(List.of(), "audit", "--verify");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("audit log intact: [1-9][0-9]* records\\n");
    }
}
