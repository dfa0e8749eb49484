package io.fwgate.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The assembled runtime ({@code distribution/runtime/target/fwgate}) running {@code fwgate daemon} as a
 * subprocess over emulated devices, with its own state, configuration, dev-plugin directory and socket
 * under one work directory, so it can be killed and started again on the same state. Tests that need it
 * are skipped, saying why, when the runtime has not been assembled.
 */
final class DaemonUnderTest {
    /** A guard against a hung JVM, not a performance assertion. */
    static final long LIMIT_SECONDS = 120;
    private static final String READY = "fwgate daemon ready: ";

    final Path work;
    final Path state;
    final Path config;
    final Path dev;
    final Path socket;
    private Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();

    DaemonUnderTest(Path work) throws IOException {
        this.work = work;
        this.state = Files.createDirectories(work.resolve("state"));
        this.config = Files.createDirectories(work.resolve("config"));
        this.dev = Files.createDirectories(work.resolve("dev"));
        this.socket = work.resolve("fwgate.sock");
    }

    static Path runtime() {
        return Path.of(System.getProperty("fwgate.dir", "../runtime/target/fwgate"));
    }

    /** Skips the calling test unless the runtime is assembled. */
    static void assumeAssembled() {
        assumeTrue(Files.isRegularFile(runtime().resolve("fwgate-launcher.jar")),
                "skipped: no assembled runtime at " + runtime() + " (build distribution/runtime first)");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts the daemon and returns once it printed its ready line.
     *
     * @param options options after {@code daemon}
     */
    DaemonUnderTest start(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar",
                runtime().resolve("fwgate-launcher.jar").toString(), "--emulated", "--state", state.toString(),
                "--config", config.toString(), "--dev", dev.toString(), "--socket", socket.toString(), "daemon"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("daemon.err").toFile());
        builder.environment().remove("NOTIFY_SOCKET");
        out.clear();
        process = builder.start();
        Thread reader = new Thread(() -> read(process), "daemon-stdout");
        reader.setDaemon(true);
        reader.start();
        awaitReady();
        return this;
    }

    private void read(Process from) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            out.add("<stdout failed: " + e + ">");
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        List<String> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = out.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(READY)) {
                return;
            }
            if (line != null) {
                skipped.add(line);
            } else if (!process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the daemon did not get ready; it printed " + skipped + "; stderr: "
                + Files.readString(work.resolve("daemon.err")));
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** @return the daemon JVM's heap in use after a full GC, in bytes, as {@code jcmd GC.heap_info} reports it */
    long heapAfterGc() throws IOException, InterruptedException {
        run(List.of("jcmd", Long.toString(pid()), "GC.run"));
        String info = run(List.of("jcmd", Long.toString(pid()), "GC.heap_info"));
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IOException("no heap use in jcmd's answer: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** @return the daemon's resident set size in bytes, from /proc */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        if (!child.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        return "exit " + child.exitValue() + "\n" + new String(output, StandardCharsets.UTF_8);
    }
}
