package io.fwgate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 2's figures for one device latency: calls/s with audit off and durable at each caller count, and
 * the share of the audit-off rate the durable audit keeps.
 *
 * @param deviceMicros how long each device takes to answer (0: at once, the platform's own rate)
 * @param rates by caller count, then by audit mode ({@code OFF}, {@code DURABLE}), calls per second
 */
record AuditFigures(int deviceMicros, Map<Integer, Map<String, Double>> rates) {
    static final String TARGET = "durable audit at >= 8 callers keeps >= 50% of audit-off throughput";
    private static final int FROM_CALLERS = 8;
    private static final double LIMIT = 0.5;

    void report(Report report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("Get Health Info, each caller on its own emulated CXL device (64 devices) " + devices()
                + ", JMH throughput:");
        lines.add("");
        lines.add("| callers | audit off (calls/s) | durable (calls/s) | durable / off |");
        lines.add("|---|---|---|---|");
        double worst = Double.MAX_VALUE;
        int worstCallers = 0;
        for (Map.Entry<Integer, Map<String, Double>> entry : rates.entrySet()) {
            Double off = entry.getValue().get("OFF");
            Double durable = entry.getValue().get("DURABLE");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("off-calls-per-s", off == null ? null : Report.round(off));
            row.put("durable-calls-per-s", durable == null ? null : Report.round(durable));
            String kept = "-";
            if (off != null && durable != null) {
                double share = durable / off;
                row.put("durable-share", Report.round(share));
                kept = Report.format(share * 100) + "%";
                if (entry.getKey() >= FROM_CALLERS && share < worst) {
                    worst = share;
                    worstCallers = entry.getKey();
                }
            }
            figures.put(entry.getKey() + "-callers", row);
            lines.add("| " + entry.getKey() + " | " + cell(off) + " | " + cell(durable) + " | " + kept + " |");
        }
        report.section("audit-" + deviceMicros + "us", "2. Audit durability cost, devices " + devices(), figures,
                lines);
        if (worstCallers == 0) {
            report.verdict(Verdict.notMeasured(2, TARGET, "devices " + devices()
                    + ": no result at 8 or more callers, see jmh-audit-*.log"));
            return;
        }
        report.verdict(Verdict.judged(2, TARGET, Report.format(worst * 100) + "% at " + worstCallers + " callers, "
                + "devices " + devices(), worst >= LIMIT, "durable " + cell(rates.get(worstCallers).get("DURABLE"))
                + " vs off " + cell(rates.get(worstCallers).get("OFF")) + " calls/s: " + bound()));
    }

    private String devices() {
        return deviceMicros == 0 ? "that answer at once" : "that answer in " + deviceMicros + " µs, as a mailbox";
    }

    /** What limits the two rates compared. */
    private String bound() {
        return deviceMicros == 0 ? "one fsync per batch bounds the durable rate, the off rate is CPU-bound"
                : "each caller waits for its device, then for the fsync its record shares with the others'";
    }

    private static String cell(Double value) {
        return value == null ? "failed" : Report.format(value);
    }
}
