package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client forging its identity in the request: the daemon refuses the request as invalid (an identity
 * member is an unknown member), audits nothing for it, and judges the connection by the kernel's peer
 * credentials only. The second case runs a client as uid 4241 (no groups, so telemetry) through setpriv;
 * it needs root and setpriv and is skipped, saying so, without them.
 */
class DaemonIdentityTest {
    private static final String CLIENT = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX)
            s.connect(sys.argv[1])
            answers = s.makefile("r", encoding="utf-8")
            for line in sys.argv[2:]:
                s.sendall((line + "\\n").encode())
                print(answers.readline().strip())
            """;

    @TempDir
    Path work;
    private DaemonUnderTest daemon;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.kill();
        }
    }

    @Test
    void anIdentityInTheRequestIsRefusedAndTheKernelsIsUsed() throws Exception {
        DaemonUnderTest.assumeAssembled();
        daemon = new DaemonUnderTest(work).start();
        try (Wire wire = new Wire(daemon.socket)) {
            for (String member : List.of("uid", "gid", "groups", "caller", "user")) {
                JsonNode answer = wire.ask(wire.call("emu:mem0", "get-health-info", java.util.Map.of(), false)
                        .put(member, 4242));
                assertThat(answer.path("error").path("kind").asText()).as(answer.toString()).isEqualTo("invalid-request");
                assertThat(answer.path("error").path("message").asText()).contains(member);
            }
            JsonNode caller = wire.ask(wire.request("status")).path("result").path("caller");
            assertThat(caller.path("uid").asLong()).isEqualTo(ownUid());
        }
        assertThat(daemon.state.resolve("audit.jsonl")).doesNotExist();
    }

    @Test
    void anUnprivilegedClientClaimingRootIsStillJudgedAsItself() throws Exception {
        DaemonUnderTest.assumeAssembled();
        assumeTrue(ownUid() == 0 && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                && Files.isExecutable(Path.of("/usr/bin/python3")),
                "skipped: running a client as another user needs root, /usr/bin/setpriv and /usr/bin/python3");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon = new DaemonUnderTest(work).start("--socket-mode", "0666");
        Path script = Files.writeString(work.resolve("client.py"), CLIENT);
        String forged = "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"set-timestamp\","
                + "\"arguments\":{\"timestamp\":\"1\"},\"uid\":0}";
        String honest = forged.replace(",\"uid\":0", "").replace("\"id\":1", "\"id\":2");
        List<String> answers = asUser4241(script, forged, honest, "{\"fwgate\":1,\"id\":3,\"op\":\"status\"}");
        assertThat(Wire.JSON.readTree(answers.get(0)).path("error").path("kind").asText()).isEqualTo("invalid-request");
        JsonNode refused = Wire.JSON.readTree(answers.get(1)).path("error");
        assertThat(refused.path("kind").asText()).isEqualTo("refused");
        assertThat(refused.path("granted-level").asText()).isEqualTo("telemetry");
        assertThat(Wire.JSON.readTree(answers.get(2)).path("result").path("caller").path("uid").asLong()).isEqualTo(4241);
    }

    private List<String> asUser4241(Path script, String... lines) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid", "4241", "--regid", "4241",
                "--clear-groups", "/usr/bin/python3", script.toString(), daemon.socket.toString()));
        command.addAll(List.of(lines));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(DaemonUnderTest.LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<String> answers = output.lines().toList();
        assertThat(answers).as(output).hasSize(lines.length);
        return answers;
    }

    private static long ownUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.split("\\s+")[1]);
            }
        }
        throw new IOException("no Uid in /proc/self/status");
    }
}
