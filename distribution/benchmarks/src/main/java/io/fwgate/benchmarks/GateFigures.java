package io.fwgate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 1's figures: one caller's latency for each measured path, the ratio to the floor, the costs in
 * between (the bounded send's hand-off, the audit's records) as differences of medians, and the audit
 * against the disk's own prices measured in the same run.
 *
 * @param byName latency statistics in microseconds, by benchmark method name
 */
record GateFigures(Map<String, Stats> byName) {
    static final String TARGET = "gate overhead, audit off: call p50 <= 1.5x the floor";
    private static final double LIMIT = 1.5;
    private static final List<String[]> CALL_ROWS = List.of(
            new String[] { "floor", "floor: the emulated device handles the encoded request" },
            new String[] { "boundedSend", "floor + the core's deadline (hand-off to a sender thread and back)" },
            new String[] { "callAuditOff", "call: router + gate, audit off, sent directly (as to the emulator)" },
            new String[] { "callWithDeadline", "call: the same through the deadline's hand-off (other transports)" },
            new String[] { "callAuditDurable", "call: router + gate + durable audit (2 records)" });
    private static final List<String[]> DISK_ROWS = List.of(
            new String[] { "auditAppend", "one durable audit record (JSON, hash chain, log fsync, head file)" },
            new String[] { "appendAndForce", "disk: append a 400-byte line + fdatasync" },
            new String[] { "appendForceAndSeal", "disk: the same + rewrite and force a seal file (as the head)" },
            new String[] { "overwriteAndForce", "disk: overwrite preallocated space + fdatasync" });

    void report(Report report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("Get Health Info (4200h) on `emu:mem0`, one caller, JMH sample time (µs):");
        lines.add("");
        table(lines, figures, CALL_ROWS, "floor", "p50 / floor p50");
        lines.add("");
        lines.add("The audit against the disk's own prices, same run (µs):");
        lines.add("");
        table(lines, figures, DISK_ROWS, "appendAndForce", "p50 / append + fdatasync");
        Stats floor = byName.get("floor");
        Stats off = byName.get("callAuditOff");
        Stats durable = byName.get("callAuditDurable");
        Stats handoff = byName.get("boundedSend");
        if (floor == null || off == null || durable == null || handoff == null) {
            report.section("gate", "1. Gate overhead", figures, lines);
            report.verdict(Verdict.notMeasured(1, TARGET, "a benchmark failed, see jmh-gate.log"));
            return;
        }
        double ratio50 = off.p50() / floor.p50();
        double auditCost = durable.p50() - off.p50();
        figures.put("ratio-p50-audit-off", Report.round(ratio50));
        figures.put("ratio-p99-audit-off", Report.round(off.p99() / floor.p99()));
        figures.put("added-p50-us", Report.round(off.p50() - floor.p50()));
        figures.put("audit-cost-p50-us", Report.round(auditCost));
        lines.add("");
        lines.add("A call adds " + Report.format(off.p50() - floor.p50()) + " µs at p50 to the floor (audit off):"
                + " resolve, encode, gate, decode. The deadline's hand-off, which transports"
                + " not bounded by themselves still pay, is " + Report.format(handoff.p50()) + " µs at p50 alone. The"
                + " audit's own cost: " + Report.format(auditCost) + " µs per call at p50 (two records; for a telemetry call"
                + " both are forced to disk by one fsync before the call returns).");
        report.section("gate", "1. Gate overhead", figures, lines);
        report.verdict(Verdict.judged(1, TARGET, Report.format(ratio50) + "x (" + Report.format(off.p50()) + " µs vs "
                + Report.format(floor.p50()) + " µs)", ratio50 <= LIMIT, "the call adds "
                + Report.format(off.p50() - floor.p50()) + " µs to a floor of " + Report.format(floor.p50())
                + " µs: the in-memory device answers in nanoseconds"));
        Stats fsync = byName.get("appendAndForce");
        report.verdict(Verdict.reported(1, "audit's own cost, reported separately", Report.format(auditCost)
                + " µs per call (p50)", "two records, one fsync for a telemetry call" + (fsync == null ? "" : "; the disk's append +"
                        + " fdatasync alone: " + Report.format(fsync.p50()) + " µs")));
    }

    private void table(List<String> lines, Map<String, Object> figures, List<String[]> rows, String base, String ratioName) {
        lines.add("| path | min / p50 / p99 / max | " + ratioName + " |");
        lines.add("|---|---|---|");
        Stats baseline = byName.get(base);
        for (String[] row : rows) {
            Stats stats = byName.get(row[0]);
            if (stats != null) {
                figures.put(row[0], stats.toMap("us"));
                String ratio = baseline == null ? "-" : Report.format(stats.p50() / baseline.p50()) + "x";
                lines.add("| " + row[1] + " | " + stats.brief() + " | " + ratio + " |");
            }
        }
    }
}
