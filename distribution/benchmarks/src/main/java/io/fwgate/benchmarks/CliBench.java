package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Item 5: wall time of {@code fwgate call emu:mem0 get-health-info} as a user types it, against a running
 * daemon, and of the steps that make it up: the JVM alone, the launcher as a client with JVM defaults,
 * with C1 only and the serial collector, with a class data archive of this command, on JDK 25 with an AOT
 * cache, and the script as typed, also with JAVA_HOME naming a JDK 25. The in-process run (OSGi framework
 * boot, no daemon) is there for reference.
 */
final class CliBench {
    static final String TARGET = "`fwgate call` against a running daemon: p50 under 150 ms";
    private static final double LIMIT_MS = 150;
    private static final List<String> FAST = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    private final Options options;
    private final Assembly assembly;
    private final Optional<Path> jdk25;

    CliBench(Options options, Assembly assembly, Optional<Path> jdk25) {
        this.options = options;
        this.assembly = assembly;
        this.jdk25 = jdk25;
    }

    /** One way of running the command, with variables added to the environment. */
    private record Plan(String name, List<String> command, Map<String, String> environment, String expect) {
        Plan(String name, List<String> command, String expect) {
            this(name, command, Map.of(), expect);
        }
    }

    /** One measured way of running the command. */
    private record Step(String name, Stats millis) {
    }

    void run(Report report, DaemonRun daemon) throws Exception {
        Path work = Files.createDirectories(options.work().resolve("cli"));
        List<String> call = List.of("--socket", daemon.socket.toString(), "call", "emu:mem0", "get-health-info");
        String java = Assembly.java();
        List<Plan> plans = new ArrayList<>();
        plans.add(new Plan("JVM start and exit alone (`java -version`, C1, SerialGC)", with(List.of(java), FAST,
                List.of("-version")), "version"));
        plans.add(new Plan("launcher as client, JVM defaults", with(assembly.viaJava(java, List.of()), call), "success"));
        plans.add(new Plan("launcher as client, C1 only + SerialGC", with(assembly.viaJava(java, FAST), call), "success"));
        plans.add(new Plan("... + class data archive of this command (CDS)", archived(assembly, java, call,
                work.resolve("cli.jsa"), work), "success"));
        List<String> notes = new ArrayList<>();
        Plan script = new Plan("**the `fwgate` script as typed** (bash, its flags, its archive)",
                with(assembly.viaScript(), call), "success");
        plans.add(script);
        jdk25(plans, notes, call, work);
        List<Step> steps = interleaved(plans, options.pick(5, 20), work);
        Path direct = Files.createDirectories(work.resolve("direct"));
        List<String> inProcess = with(assembly.viaJava(java, FAST), List.of("--direct", "--emulated", "--state",
                direct.resolve("state").toString(), "--config", direct.resolve("config").toString(), "call", "emu:mem0",
                "get-health-info"));
        steps.add(new Step("reference: in-process `--direct --emulated` (boots the OSGi framework, no daemon)",
                Stats.millisOf(OneShot.repeat(1, options.pick(2, 5), inProcess, work, "success"))));
        report(report, steps, notes, steps.get(plans.indexOf(script)));
    }

    /**
     * Runs every plan once per round, so a machine that gets slower or faster during the measurement
     * shifts all of them alike; the first two rounds (page cache, archives written on a first run) are
     * not kept.
     */
    private static List<Step> interleaved(List<Plan> plans, int runs, Path work) throws IOException,
            InterruptedException {
        long[][] nanos = new long[plans.size()][runs];
        for (int round = -2; round < runs; round++) {
            for (int p = 0; p < plans.size(); p++) {
                Plan plan = plans.get(p);
                long time = OneShot.time(plan.command(), plan.environment(), work, plan.expect());
                if (round >= 0) {
                    nanos[p][round] = time;
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            steps.add(new Step(plans.get(p).name(), Stats.millisOf(nanos[p])));
        }
        return steps;
    }

    /**
     * JDK 25's AOT cache, as the script makes it (a recorded run, then the cache made from it), started
     * directly and through the script with JAVA_HOME naming the JDK. The script runs from a copy of the
     * tree: one archive per tree, and the plan above keeps its own JDK's.
     */
    private void jdk25(List<Plan> plans, List<String> notes, List<String> call, Path work)
            throws IOException, InterruptedException {
        if (jdk25.isEmpty()) {
            notes.add("JDK 25 not measured: no JDK 25 at " + BenchMain.JDK25 + ".");
            return;
        }
        String java25 = jdk25.get().resolve("bin/java").toString();
        Path cache = work.resolve("client.aot");
        Path configuration = work.resolve("client.aotconf");
        List<String> flags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        OneShot.time(with(assembly.viaJava(java25, with(flags, List.of("-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + configuration))), call), work, "success");
        Process create = new ProcessBuilder(assembly.viaJava(java25, with(flags, List.of("-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache)))).redirectErrorStream(true)
                .redirectOutput(work.resolve("client.aot.log").toFile()).start();
        if (create.waitFor() != 0) {
            throw new IOException("the AOT cache was not made: see " + work.resolve("client.aot.log"));
        }
        plans.add(new Plan("JDK 25 + AOT cache (JEP 483) of this command, C1, SerialGC",
                with(assembly.viaJava(java25, with(flags, List.of("-XX:AOTCache=" + cache))), call), "success"));
        Assembly copy = assembly.copy(Files.createDirectories(work.resolve("jdk25")));
        plans.add(new Plan("the `fwgate` script with JAVA_HOME naming JDK 25 (its AOT cache)",
                with(copy.viaScript(), call), Map.of("JAVA_HOME", jdk25.get().toString()), "success"));
    }

    /** Writes the archive in a training run, then returns the command line that maps it. */
    private static List<String> archived(Assembly assembly, String java, List<String> call, Path archive, Path work)
            throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        OneShot.time(with(assembly.viaJava(java, with(FAST, List.of("-XX:ArchiveClassesAtExit=" + archive))), call),
                work, "success");
        return with(assembly.viaJava(java, with(FAST, List.of("-XX:SharedArchiveFile=" + archive))), call);
    }

    @SafeVarargs
    private static List<String> with(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static void report(Report report, List<Step> steps, List<String> notes, Step script) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("`call emu:mem0 get-health-info` against the running daemon, " + script.millis().count()
                + " rounds that run each way once, after 2 unmeasured rounds; wall time from process start to exit"
                + " (ms):");
        lines.add("");
        lines.add("| way of running it | min / p50 / p99 / max |");
        lines.add("|---|---|");
        for (Step step : steps) {
            figures.put(step.name().replace("*", ""), step.millis().toMap("ms"));
            lines.add("| " + step.name() + " | " + step.millis().brief() + " |");
        }
        notes.forEach(note -> lines.add("\n" + note));
        report.section("cli", "5. CLI one-shot", figures, lines);
        double p50 = script.millis().p50();
        Step fastest = steps.subList(1, steps.size()).stream().min(java.util.Comparator.comparingDouble(
                s -> s.millis().p50())).orElse(script);
        report.verdict(Verdict.judged(5, TARGET, "p50 " + Report.format(p50) + " ms", p50 < LIMIT_MS,
                "the JVM alone takes " + Report.format(steps.get(0).millis().p50()) + " ms at p50; the fastest way"
                        + " measured: " + fastest.name().replace("*", "") + ", " + Report.format(fastest.millis().p50())
                        + " ms"));
    }
}
