package io.fwgate.kit;

import static io.fwgate.kit.Tables.acmeCxl;
import static io.fwgate.kit.Tables.bytes;
import static io.fwgate.kit.Tables.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code fwgate plugin lint} prints and the status it exits with. */
class ReportTest {
    @TempDir
    Path dir;

    @Test
    void textReportsOneLinePerFindingAndASummary() throws IOException {
        String text = acmeCxl(command("acme-wipe", "0xC002", "[\"data-change-immediate\"]", "configuration") + ",\n"
                + command("acme-erase", "0xC003", "[]", "debug-write-full"));
        Path table = Files.write(dir.resolve("acme.json"), bytes(text));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Linter.report(table, false, new PrintStream(out, true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(status).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith(table + ":" + Tables.lineOf(text, "\"level\": \"configuration\"")
                + " /commands/0/level: ERROR level-contradicts-effects: command 'acme-wipe' declares level configuration");
        assertThat(lines[1]).contains("/commands/1/effects: WARNING no-effects-declared: ");
        assertThat(lines[2]).isEqualTo(table + ": 1 error, 1 warning");
    }

    @Test
    void aCleanFileSaysSoAndExitsZero() throws IOException {
        Path table = Files.write(dir.resolve("acme.json"),
                bytes(acmeCxl(command("acme-read", "0xC000", "[]", "telemetry"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Linter.report(table, false, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(table + ": no findings\n");
    }

    @Test
    void jsonReportsCountsAndLocatedFindings() throws IOException {
        Path table = Files.write(dir.resolve("acme.json"),
                bytes(acmeCxl(command("acme-erase", "0xC003", "[]", "debug-write-full"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Linter.report(table, true, new PrintStream(out, true, StandardCharsets.UTF_8));

        JsonNode report = new ObjectMapper().readTree(out.toByteArray());
        assertThat(status).isZero();
        assertThat(report.get("errors").asInt()).isZero();
        assertThat(report.get("warnings").asInt()).isEqualTo(1);
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
        assertThat(finding.get("code").asText()).isEqualTo("no-effects-declared");
        assertThat(finding.get("pointer").asText()).isEqualTo("/commands/0/effects");
        assertThat(finding.get("line").asInt()).isPositive();
    }
}
