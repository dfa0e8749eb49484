package io.fwgate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 6: a running daemon with a deploy directory and a trust store; a signed plugin jar is copied into
 * the directory (as {@code cp} does) and the clock runs until its command answers a call on
 * {@code emu:mem0} over the socket; then the jar is deleted and its command must go away before the next
 * drop. Each drop uses a new file name.
 */
final class HotReloadBench {
    static final String TARGET = "hot reload, drop to command answering: p50 <= 300 ms";
    private static final double LIMIT_MS = 300;
    private final Options options;
    private final Assembly assembly;

    HotReloadBench(Options options, Assembly assembly) {
        this.options = options;
        this.assembly = assembly;
    }

    void run(Report report) throws Exception {
        Path work = Files.createDirectories(options.work().resolve("reload"));
        PluginSigner signer = PluginSigner.create(work);
        Path dir = work.resolve("daemon");
        signer.trustIn(dir.resolve("config"));
        Path jar = work.resolve("reload.jar");
        signer.writePlugin(jar, Generated.RELOAD_PLUGIN, "1.0.0", Generated.reloadTable());
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        int drops = options.pick(5, 20);
        long[] toAnswer = new long[drops];
        long[] toGone = new long[drops];
        try (DaemonRun daemon = DaemonRun.start(assembly.viaScript(), dir, List.of("--deploy", deploy.toString()), List.of());
                SocketClient client = SocketClient.connect(daemon.socket)) {
            for (int i = 0; i < drops; i++) {
                Path dropped = deploy.resolve("reload-" + i + ".jar");
                long start = System.nanoTime();
                Files.copy(jar, dropped);
                toAnswer[i] = Poll.until(Generated.RELOAD_COMMAND + " answering after drop " + i, start,
                        () -> client.answers("emu:mem0", Generated.RELOAD_COMMAND));
                long removed = System.nanoTime();
                Files.delete(dropped);
                toGone[i] = Poll.until(Generated.RELOAD_COMMAND + " gone after removal " + i, removed,
                        () -> !client.answers("emu:mem0", Generated.RELOAD_COMMAND));
            }
        }
        Stats answered = Stats.millisOf(toAnswer);
        Stats gone = Stats.millisOf(toGone);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drop-to-answering", answered.toMap("ms"));
        figures.put("delete-to-gone", gone.toMap("ms"));
        figures.put("poll-interval-us", Poll.INTERVAL_MICROS);
        List<String> lines = new ArrayList<>();
        lines.add(drops + " drops of a signed one-command plugin into the running daemon's deploy directory"
                + " (polled every " + Poll.INTERVAL_MICROS / 1000 + " ms by calling the command over the socket):");
        lines.add("");
        lines.add("| | min / p50 / p99 / max (ms) |");
        lines.add("|---|---|");
        lines.add("| jar copied in -> its command answers | " + answered.brief() + " |");
        lines.add("| jar deleted -> its command is gone | " + gone.brief() + " |");
        report.section("hot-reload", "6. Hot reload", figures, lines);
        report.verdict(Verdict.judged(6, TARGET, "p50 " + Report.format(answered.p50()) + " ms, max "
                + Report.format(answered.max()) + " ms", answered.p50() <= LIMIT_MS,
                "the deployer waits for the file to settle (100 ms unchanged) before it verifies and installs it"));
    }
}
