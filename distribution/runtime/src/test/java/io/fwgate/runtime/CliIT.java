package io.fwgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled launcher as a user runs it: a separate JVM, real exit codes, real output. Each run boots
 * the framework afresh over target/fwgate/bundles and shares one state directory, so the audit log
 * accumulates across the tests and is verified last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {
    /** A guard against a hung JVM, not a performance assertion. */
    private static final long RUN_LIMIT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    @TempDir
    static Path config;
    @TempDir
    static Path output;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void launcherIsAssembled() {
        assertThat(launcher()).isRegularFile();
    }

    private static Path launcher() {
        return Path.of(System.getProperty("fwgate.dir"), "fwgate-launcher.jar");
    }

    private static Run fwgate(Path configDir, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", launcher().toString(), "--emulated", "--state",
                state.toString(), "--config", configDir.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(output, "out", ".txt");
        Path err = Files.createTempFile(output, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("FWGATE_STATE");
        builder.environment().remove("FWGATE_CONFIG");
        Process process = builder.start();
        if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("fwgate " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Run fwgate(String... args) throws IOException, InterruptedException {
        return fwgate(config, args);
    }

    @Test
    @Order(1)
    void listJsonShowsTheEmulatedDevice() throws Exception {
        Run run = fwgate("list", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode devices = JSON.readTree(run.out());
        assertThat(devices.findValuesAsText("id")).contains("emu:mem0");
    }

    @Test
    @Order(2)
    void identifyJsonHasTheDecodedAnswer() throws Exception {
        Run run = fwgate("call", "emu:mem0", "identify", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("device").asText()).isEqualTo("emu:mem0");
        assertThat(result.get("command").asText()).isEqualTo("identify");
        assertThat(result.get("opcode").asText()).isEqualTo("0x4000");
        assertThat(result.get("level").asText()).isEqualTo("telemetry");
        assertThat(result.get("status").asInt(-1)).isZero();
        assertThat(result.get("response").get("firmware-revision").asText()).isEqualTo("fwgate-emu 1.0");
        assertThat(result.get("audit-sequence").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void unknownCommandIsAUsageError() throws Exception {
        Run run = fwgate("call", "emu:mem0", "no-such-command");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwgate: ").contains("no-such-command").doesNotContain("\tat ");
    }

    @Test
    @Order(3)
    void unknownDeviceIsAUsageError() throws Exception {
        Run run = fwgate("call", "emu:nosuch", "identify");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwgate: ").contains("emu:nosuch");
    }

    @Test
    @Order(3)
    void malformedArgumentIsAUsageError() throws Exception {
        Run run = fwgate("call", "emu:mem0", "get-lsa", "--arg", "length=banana");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwgate: ").contains("length").doesNotContain("\tat ");
    }

    @Test
    @Order(4)
    void aPolicyLimitingRootToTelemetryRefusesSanitize(@TempDir Path limited) throws Exception {
        Files.writeString(limited.resolve("policy.json"), """
                # this host: nobody, not even root, may do more than read telemetry
                { "grants": [ { "user": "root", "level": "telemetry" }, { "everyone": true, "level": "telemetry" } ] }
                """);

        Run run = fwgate(limited, "call", "emu:mem0", "sanitize", "--confirm");

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).startsWith("fwgate: refused: ").contains("debug-write-full").contains("telemetry");
    }

    @Test
    @Order(5)
    void theAuditLogOfAllThoseRunsIsIntact() throws Exception {
        Run run = fwgate("audit", "--verify");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("audit log intact: [1-9][0-9]* records\\n");
    }

    @Test
    @Order(6)
    void helpExitsZeroAndListsExitCodes() throws Exception {
        Run run = fwgate("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: fwgate", "call", "Exit codes:");
    }
}
