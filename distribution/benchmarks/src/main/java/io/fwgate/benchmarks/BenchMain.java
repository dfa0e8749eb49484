package io.fwgate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every benchmark of issue 8 in one JVM, one after the other, and writes {@code result.json} and
 * {@code summary.md}. A benchmark that fails is reported as not measured, with the reason, and the others
 * still run. Exits 0 once the report is written, whatever the figures: a missed target is a finding,
 * never a build failure.
 *
 * <p>Usage: {@code BenchMain --out DIR --fwgate DIR --script FILE [--quick]}
 */
public final class BenchMain {
    /** Where these machines have a JDK 25 (Temurin); item 5 measures it when it is there. */
    static final String JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
    private final Options options;
    private final Report report;
    private final Assembly assembly;

    private BenchMain(Options options, Report report) {
        this.options = options;
        this.report = report;
        this.assembly = new Assembly(options.fwgateDir(), options.script());
    }

    /** One measurement, which may fail on its own. */
    private interface Measurement {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> named = new java.util.HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                named.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Options options = new Options(quick, Path.of(required(named, "--out")), Path.of(required(named, "--fwgate")),
                Path.of(required(named, "--script")));
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Report report = new Report("Run of " + when + (quick ? " (--quick: a smoke run, figures indicative only)"
                : " (full run)"), Machine.describe());
        Files.createDirectories(options.work());
        new BenchMain(options, report).runAll();
        report.note("Load average (1, 5, 15 min) at the end: " + Machine.loadAverage() + ".");
        report.write(options.out());
        System.out.println("fwgate benchmarks: wrote " + options.out().resolve("result.json") + " and summary.md");
    }

    private static String required(Map<String, String> named, String name) {
        String value = named.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + " (usage: BenchMain --out DIR --fwgate DIR"
                    + " --script FILE [--quick])");
        }
        return value;
    }

    private void runAll() {
        InProcessBench inProcess = new InProcessBench(options);
        measure(1, GateFigures.TARGET, () -> inProcess.gate(report));
        measure(2, AuditFigures.TARGET, () -> inProcess.audit(report));
        measure(3, ParallelFigures.TARGET, () -> inProcess.parallelism(report));
        Optional<String> missing = assembly.missing();
        if (missing.isPresent()) {
            for (String[] item : List.of(new String[] { "4", DaemonBench.TARGET }, new String[] { "5", CliBench.TARGET },
                    new String[] { "6", HotReloadBench.TARGET }, new String[] { "7", ColdStartBench.TARGET })) {
                report.verdict(Verdict.notMeasured(Integer.parseInt(item[0]), item[1], missing.get()));
            }
        } else {
            measureWithDaemon();
            measure(6, HotReloadBench.TARGET, () -> new HotReloadBench(options, assembly).run(report));
            measure(7, ColdStartBench.TARGET, () -> new ColdStartBench(options, assembly).run(report));
        }
        measure(8, ScaleBench.TARGET, () -> new ScaleBench(options).run(report));
    }

    /** Items 4 and 5 share one daemon, started as a user starts it. */
    private void measureWithDaemon() {
        DaemonRun daemon;
        try {
            System.out.println("fwgate benchmarks: starting the daemon for items 4 and 5");
            // 64 clients at once: room above the default 64 connections for the benchmark's own closing ones
            daemon = DaemonRun.start(assembly.viaScript(), options.work().resolve("daemon"), List.of(),
                    List.of("--max-connections", "128"));
        } catch (Exception e) {
            e.printStackTrace();
            String why = "the daemon did not start: " + e.getMessage();
            report.verdict(Verdict.notMeasured(4, DaemonBench.TARGET, why));
            report.verdict(Verdict.notMeasured(5, CliBench.TARGET, why));
            return;
        }
        try (daemon) {
            measure(4, DaemonBench.TARGET, () -> new DaemonBench(options).run(report, daemon));
            Optional<Path> jdk25 = Optional.of(Path.of(JDK25)).filter(Files::isDirectory);
            measure(5, CliBench.TARGET, () -> new CliBench(options, assembly, jdk25).run(report, daemon));
        } catch (Exception e) {
            report.note("The daemon of items 4 and 5 did not stop cleanly: " + e.getMessage());
        }
    }

    private void measure(int item, String target, Measurement measurement) {
        progress(item, target);
        try {
            measurement.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.verdict(Verdict.notMeasured(item, target, "interrupted"));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            report.verdict(Verdict.notMeasured(item, target, String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(e.toString())));
        }
    }

    private static void progress(int item, String target) {
        System.out.println("fwgate benchmarks: item " + item + ": " + target);
    }
}
