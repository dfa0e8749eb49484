package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Item 7: {@code fwgate daemon} (through the script, as systemd would start it) from process start to its
 * ready line, with the bundled plugins only, and with 100 generated signed plugins waiting in the deploy
 * directory; for those also the time until all 100 are active.
 */
final class ColdStartBench {
    static final String TARGET = "cold start, bundled plugins: daemon start to ready <= 1.5 s";
    private static final double LIMIT_MS = 1500;
    private static final int PLUGINS = 100;
    private final Options options;
    private final Assembly assembly;

    ColdStartBench(Options options, Assembly assembly) {
        this.options = options;
        this.assembly = assembly;
    }

    void run(Report report) throws Exception {
        Path work = Files.createDirectories(options.work().resolve("cold"));
        int runs = options.pick(2, 7);
        long[] bundled = new long[runs];
        for (int i = 0; i < runs; i++) {
            try (DaemonRun daemon = DaemonRun.start(assembly.viaScript(), work.resolve("bundled-" + i), List.of(),
                    List.of())) {
                bundled[i] = daemon.readyNanos();
            }
        }
        PluginSigner signer = PluginSigner.create(work);
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        for (int p = 0; p < PLUGINS; p++) {
            signer.writePlugin(deploy.resolve(Generated.pluginName(p) + ".jar"), Generated.pluginName(p), "1.0.0",
                    Generated.table(p));
        }
        long[] ready = new long[runs];
        long[] loaded = new long[runs];
        for (int i = 0; i < runs; i++) {
            Path dir = work.resolve("plugins-" + i);
            signer.trustIn(dir.resolve("config"));
            try (DaemonRun daemon = DaemonRun.start(assembly.viaScript(), dir, List.of("--deploy", deploy.toString()),
                    List.of()); SocketClient client = SocketClient.connect(daemon.socket)) {
                ready[i] = daemon.readyNanos();
                loaded[i] = daemon.readyNanos() + Poll.until("all " + PLUGINS + " plugins active", System.nanoTime(),
                        () -> activePlugins(client) >= PLUGINS);
            }
        }
        report(report, Stats.millisOf(bundled), Stats.millisOf(ready), Stats.millisOf(loaded), runs);
    }

    private static int activePlugins(SocketClient client) throws IOException {
        int active = 0;
        for (JsonNode plugin : client.request("plugins", Map.of())) {
            if (plugin.path("bundle").asText().startsWith("io.fwgate.bench.plugin")
                    && "ACTIVE".equals(plugin.path("state").asText())) {
                active++;
            }
        }
        return active;
    }

    private static void report(Report report, Stats bundled, Stats ready, Stats loaded, int runs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bundled-start-to-ready", bundled.toMap("ms"));
        figures.put("with-100-plugins-start-to-ready", ready.toMap("ms"));
        figures.put("with-100-plugins-start-to-all-active", loaded.toMap("ms"));
        List<String> lines = new ArrayList<>();
        lines.add("`fwgate --emulated ... daemon` through the script, " + runs + " starts each, fresh state each time"
                + " (ms):");
        lines.add("");
        lines.add("| | min / p50 / p99 / max |");
        lines.add("|---|---|");
        lines.add("| bundled plugins: start -> ready line | " + bundled.brief() + " |");
        lines.add("| + " + PLUGINS + " signed plugins in the deploy directory: start -> ready line | " + ready.brief() + " |");
        lines.add("| + " + PLUGINS + " signed plugins: start -> all " + PLUGINS + " active (`plugins` polled) | "
                + loaded.brief() + " |");
        report.section("cold-start", "7. Cold start", figures, lines);
        report.verdict(Verdict.judged(7, TARGET, "p50 " + Report.format(bundled.p50()) + " ms", bundled.p50() <= LIMIT_MS,
                "with " + PLUGINS + " plugins: ready at p50 " + Report.format(ready.p50()) + " ms, all active at "
                        + Report.format(loaded.p50()) + " ms"));
    }
}
