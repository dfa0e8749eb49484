package io.fwgate.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import io.fwgate.core.internal.AuditThroughputBenchmark;
import io.fwgate.core.internal.DiskBenchmark;
import io.fwgate.core.internal.GateBenchmark;
import io.fwgate.core.internal.ParallelismBenchmark;
import io.fwgate.core.internal.Workspace;

/**
 * Issue items 1 to 3, with JMH (one fork per configuration, JVM defaults): gate overhead against the
 * floor, audit durability against audit off, throughput and parallelism. JMH's own report of each
 * configuration goes to {@code jmh-*.log} in the output directory.
 */
final class InProcessBench {
    private static final int[] AUDIT_THREADS = { 1, 2, 8, 32 };
    private static final int[] PARALLEL_THREADS = { 1, 2, 8 };
    private final Options options;

    InProcessBench(Options options) {
        this.options = options;
    }

    private ChainedOptionsBuilder jmh(Class<?> benchmark, String log) {
        return new OptionsBuilder().include(benchmark.getName() + "\\.").forks(1)
                .warmupIterations(options.pick(1, 2)).warmupTime(TimeValue.milliseconds(options.pick(500, 1000)))
                .measurementIterations(options.pick(1, 2)).measurementTime(TimeValue.seconds(options.pick(1, 2)))
                .jvmArgsAppend("-D" + Workspace.PROPERTY + "=" + options.work())
                .shouldFailOnError(false).output(options.out().resolve("jmh-" + log + ".log").toString());
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder builder) throws RunnerException {
        return new Runner(builder.build()).run();
    }

    /** Item 1: latency of one caller's call, against the floor and with the parts in between. */
    void gate(Report report) throws RunnerException {
        Map<String, Stats> byName = new LinkedHashMap<>();
        ChainedOptionsBuilder both = jmh(GateBenchmark.class, "gate").include(DiskBenchmark.class.getName() + "\\.");
        for (RunResult result : run(both)) {
            Statistics s = result.getPrimaryResult().getStatistics();
            byName.put(method(result), new Stats((int) s.getN(), s.getMin(), s.getPercentile(50), s.getPercentile(99),
                    s.getMax()));
        }
        new GateFigures(byName).report(report);
    }

    /**
     * Item 2: calls/s with the durable audit against audit off, at 1, 2, 8 and 32 callers, on devices that
     * answer at once and on devices with a mailbox's latency.
     */
    void audit(Report report) throws RunnerException {
        Map<Integer, Map<Integer, Map<String, Double>>> rates = new TreeMap<>();
        for (int threads : AUDIT_THREADS) {
            for (RunResult result : run(jmh(AuditThroughputBenchmark.class, "audit-" + threads).threads(threads))) {
                int micros = Integer.parseInt(result.getParams().getParam("deviceMicros"));
                rates.computeIfAbsent(micros, m -> new LinkedHashMap<>())
                        .computeIfAbsent(threads, t -> new LinkedHashMap<>())
                        .put(result.getParams().getParam("audit"), result.getPrimaryResult().getScore());
            }
        }
        rates.forEach((micros, byCallers) -> new AuditFigures(micros, byCallers).report(report));
    }

    /** Item 3: calls/s on 1 and 64 devices, zero-latency and 200 µs devices, 1, 2 and 8 threads. */
    void parallelism(Report report) throws RunnerException {
        List<ParallelFigures.Rate> rates = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int threads : PARALLEL_THREADS) {
            Collection<RunResult> results = run(jmh(ParallelismBenchmark.class, "parallel-" + threads).threads(threads));
            for (RunResult result : results) {
                rates.add(new ParallelFigures.Rate(Integer.parseInt(result.getParams().getParam("devices")),
                        Integer.parseInt(result.getParams().getParam("deviceMicros")), threads,
                        result.getPrimaryResult().getScore()));
            }
            // a configuration without a result failed: the device watch found overlapping sends, or worse
            int expected = 4;
            if (results.size() < expected) {
                failed.add(threads + " threads: " + (expected - results.size()) + " of " + expected
                        + " configurations failed (see jmh-parallel-" + threads + ".log)");
            }
        }
        new ParallelFigures(rates, failed).report(report);
    }

    private static String method(RunResult result) {
        String name = result.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
