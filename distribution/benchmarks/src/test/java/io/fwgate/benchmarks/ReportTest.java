package io.fwgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportTest {
    @TempDir
    Path dir;

    @Test
    void figuresKeepThreeSignificantDigits() {
        assertThat(Report.format(1.5)).isEqualTo("1.5");
        assertThat(Report.format(0.12345)).isEqualTo("0.123");
        assertThat(Report.format(0.012345)).as("never finer than 0.001").isEqualTo("0.012");
        assertThat(Report.format(1234.5)).isEqualTo("1,235");
        assertThat(Report.format(42)).isEqualTo("42");
        assertThat(Report.round(3.14159)).isEqualTo(3.14);
        assertThat(Report.round(0.0001234)).isEqualTo(0.0);
    }

    @Test
    void theSummaryAndTheJsonCarryEveryVerdictAndSection() throws Exception {
        Report report = new Report("Run of today", Map.of("summary", "2 CPUs", "load-average-at-start", "0.1 0.2 0.3"));
        report.section("gate", "1. Gate overhead", Map.of("ratio", 4.2), List.of("| a | b |"));
        report.verdict(Verdict.judged(1, "ratio <= 1.5", "4.2x", false, "the hand-off"));
        report.verdict(Verdict.notMeasured(5, "CLI under 150 ms", "no daemon"));

        report.write(dir);

        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).contains("Machine: 2 CPUs").contains("| 1 | ratio <= 1.5 | 4.2x | **not met** | the hand-off |")
                .contains("| 5 | CLI under 150 ms | - | **not measured** | not measured: no daemon |")
                .contains("### 1. Gate overhead").contains("| a | b |");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertThat(json.path("targets").get(0).path("verdict").asText()).isEqualTo("not met");
        assertThat(json.path("gate").path("ratio").asDouble()).isEqualTo(4.2);
        assertThat(json.path("machine").path("summary").asText()).isEqualTo("2 CPUs");
    }
}
