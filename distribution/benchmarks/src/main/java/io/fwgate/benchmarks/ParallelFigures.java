package io.fwgate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Item 3's figures: calls/s for each device count, device latency and thread count, and whether calls
 * to one device stayed serialized while calls to different devices scaled.
 *
 * @param rates every configuration that produced a result
 * @param failed the configurations that did not, with the reason
 */
record ParallelFigures(List<Rate> rates, List<String> failed) {
    static final String TARGET = "per-device serialization holds while different devices scale";
    /** 8 callers on devices that answer off-CPU should get well past one caller's rate. */
    private static final double MIN_SCALING = 4;
    private static final int SLOW_MICROS = 200;

    /** One configuration's rate. */
    record Rate(int devices, int deviceMicros, int threads, double callsPerSecond) {
    }

    void report(Report report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("Get Health Info, audit off, thread i on device i mod N, JMH throughput (calls/s):");
        lines.add("");
        lines.add("| devices | device latency | 1 thread | 2 threads | 8 threads | 8 threads / 1 |");
        lines.add("|---|---|---|---|---|---|");
        for (int micros : new int[] { 0, SLOW_MICROS }) {
            for (int devices : new int[] { 1, 64 }) {
                List<String> cells = new ArrayList<>();
                for (int threads : new int[] { 1, 2, 8 }) {
                    Optional<Double> rate = rate(devices, micros, threads);
                    rate.ifPresent(r -> figures.put(devices + "-devices-" + micros + "us-" + threads + "-threads",
                            Report.round(r)));
                    cells.add(rate.map(Report::format).orElse("failed"));
                }
                lines.add("| " + devices + " | " + micros + " µs | " + String.join(" | ", cells) + " | "
                        + scaling(devices, micros).map(s -> Report.format(s) + "x").orElse("-") + " |");
            }
        }
        figures.put("failed", failed);
        failed.forEach(f -> lines.add("\nFailed: " + f));
        report.section("parallelism", "3. Throughput and parallelism", figures, lines);
        verdict(report);
    }

    private void verdict(Report report) {
        Optional<Double> spread = scaling(64, SLOW_MICROS);
        Optional<Double> oneDevice = rate(1, SLOW_MICROS, 8);
        if (spread.isEmpty() || oneDevice.isEmpty()) {
            report.verdict(Verdict.notMeasured(3, TARGET, failed.isEmpty() ? "a configuration failed"
                    : String.join("; ", failed)));
            return;
        }
        // one device answering in 200 µs serves at most 5,000 calls/s whatever the callers
        double ceiling = 1e6 / SLOW_MICROS;
        boolean serialized = failed.isEmpty() && oneDevice.get() <= ceiling * 1.02;
        boolean scales = spread.get() >= MIN_SCALING;
        report.verdict(Verdict.judged(3, TARGET, "64 devices: " + Report.format(spread.get()) + "x from 1 to 8 threads;"
                + " 1 device: " + Report.format(oneDevice.get()) + " calls/s at 8 threads", serialized && scales,
                "200 µs devices; no two sends ever overlapped on one device" + (serialized ? "" : " NOT kept")
                        + "; one device stays under its " + Report.format(ceiling) + " calls/s ceiling; different devices"
                        + (scales ? " scale" : " do not reach " + Report.format(MIN_SCALING) + "x")));
    }

    private Optional<Double> rate(int devices, int micros, int threads) {
        return rates.stream().filter(r -> r.devices() == devices && r.deviceMicros() == micros && r.threads() == threads)
                .map(Rate::callsPerSecond).findFirst();
    }

    private Optional<Double> scaling(int devices, int micros) {
        Optional<Double> one = rate(devices, micros, 1);
        Optional<Double> eight = rate(devices, micros, 8);
        return one.isPresent() && eight.isPresent() ? Optional.of(eight.get() / one.get()) : Optional.empty();
    }
}
