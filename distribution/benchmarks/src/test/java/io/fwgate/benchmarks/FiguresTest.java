package io.fwgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules that turn figures into verdicts, on figures made up to sit on either side of each limit. */
class FiguresTest {
    private final Report report = new Report("t", Map.of("summary", "m", "load-average-at-start", "0"));

    @Test
    void theGateTargetIsTheMedianCallAgainstTheMedianFloor() {
        Map<String, Stats> met = Map.of("floor", stats(10), "boundedSend", stats(11), "callAuditOff", stats(15),
                "callAuditDurable", stats(400));
        new GateFigures(met).report(report);
        new GateFigures(Map.of("floor", stats(10), "boundedSend", stats(11), "callAuditOff", stats(15.1),
                "callAuditDurable", stats(400))).report(report);

        assertThat(report.verdicts()).filteredOn(v -> v.target().equals(GateFigures.TARGET))
                .extracting(Verdict::word).containsExactly("met", "not met");
    }

    @Test
    void theAuditTargetTakesTheWorstShareFromEightCallersUp() {
        new AuditFigures(200, Map.of(1, rates(100, 10), 8, rates(100, 60), 32, rates(100, 49))).report(report);
        new AuditFigures(0, Map.of(1, rates(100, 10), 8, rates(100, 60), 32, rates(100, 50))).report(report);

        assertThat(report.verdicts()).extracting(Verdict::word).containsExactly("not met", "met");
        assertThat(report.verdicts().get(0).measured()).isEqualTo("49% at 32 callers, devices that answer in 200 µs,"
                + " as a mailbox");
    }

    @Test
    void parallelismNeedsSerializedDevicesAndScalingOnes() {
        List<ParallelFigures.Rate> scaling = List.of(rate(64, 1, 1000), rate(64, 8, 7000), rate(1, 8, 4900));
        new ParallelFigures(scaling, List.of()).report(report);
        List<ParallelFigures.Rate> oneDeviceTooFast = List.of(rate(64, 1, 1000), rate(64, 8, 7000), rate(1, 8, 9000));
        new ParallelFigures(oneDeviceTooFast, List.of()).report(report);
        new ParallelFigures(scaling, List.of("8 threads: 1 of 4 configurations failed")).report(report);
        List<ParallelFigures.Rate> notScaling = List.of(rate(64, 1, 1000), rate(64, 8, 2000), rate(1, 8, 4900));
        new ParallelFigures(notScaling, List.of()).report(report);

        assertThat(report.verdicts()).extracting(Verdict::word).containsExactly("met", "not met", "not met", "not met");
    }

    @Test
    void aMissingFigureIsNotMeasuredRatherThanJudged() {
        new GateFigures(Map.of("floor", stats(10))).report(report);
        new ParallelFigures(List.of(), List.of("2 threads: 4 of 4 configurations failed")).report(report);

        assertThat(report.verdicts()).extracting(Verdict::word).containsOnly("not measured");
        assertThat(report.verdicts().get(1).why()).contains("2 threads");
    }

    private static Stats stats(double p50) {
        return new Stats(100, p50, p50, p50 * 2, p50 * 3);
    }

    private static Map<String, Double> rates(double off, double durable) {
        return Map.of("OFF", off, "DURABLE", durable);
    }

    private static ParallelFigures.Rate rate(int devices, int threads, double callsPerSecond) {
        return new ParallelFigures.Rate(devices, 200, threads, callsPerSecond);
    }
}
