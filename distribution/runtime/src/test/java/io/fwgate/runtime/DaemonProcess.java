package io.fwgate.runtime;

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
 * The assembled launcher running {@code fwgate daemon} as a subprocess, with emulated devices and its own
 * state, configuration and socket in a directory every user may traverse (clients run as other users).
 * Its standard output is read line by line; {@link #start} returns once the ready line came.
 */
final class DaemonProcess {
    /** A guard against a hung JVM, not a performance assertion. */
    static final long LIMIT_SECONDS = 120;
    static final String READY = "fwgate daemon ready: ";

    final Path state;
    final Path config;
    final Path socket;
    final Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final Path err;

    private DaemonProcess(Path work, Process process, Path err) {
        this.state = work.resolve("state");
        this.config = work.resolve("config");
        this.socket = work.resolve("fwgate.sock");
        this.process = process;
        this.err = err;
        Thread reader = new Thread(this::readOutput, "daemon-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private static Path runtime;

    /** @return the assembled launcher, where clients running as other users can read it */
    static synchronized Path launcher() throws IOException {
        if (runtime == null) {
            runtime = ReachableByOthers.copyIfHidden(Path.of(System.getProperty("fwgate.dir")));
        }
        return runtime.resolve("fwgate-launcher.jar");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param policy the policy.json to run with, or null for the default policy
     * @param daemonOptions options after {@code daemon}
     * @return the daemon, ready
     */
    static DaemonProcess start(String policy, String... daemonOptions) throws IOException, InterruptedException {
        // clients run as other users: they must reach the socket through this directory
        Path work = ReachableByOthers.newDirectory("daemon");
        Files.createDirectories(work.resolve("state"));
        Files.createDirectories(work.resolve("config"));
        if (policy != null) {
            Files.writeString(work.resolve("config").resolve("policy.json"), policy);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-jar", launcher().toString(), "--emulated", "--state",
                work.resolve("state").toString(), "--config", work.resolve("config").toString(), "--socket",
                work.resolve("fwgate.sock").toString(), "daemon"));
        command.addAll(List.of(daemonOptions));
        Path err = work.resolve("daemon.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().remove("NOTIFY_SOCKET");
        DaemonProcess daemon = new DaemonProcess(work, builder.start(), err);
        daemon.awaitLine(READY);
        return daemon;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            out.add("<stdout failed: " + e + ">");
        }
    }

    /** @return the first line (from now on) that starts with the prefix */
    String awaitLine(String prefix) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        List<String> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = out.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                skipped.add(line);
            } else if (!process.isAlive() && out.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line '" + prefix + "...' from the daemon; it printed " + skipped + "; stderr: "
                + Files.readString(err));
    }

    String errors() throws IOException {
        return Files.readString(err);
    }

    /** Sends SIGTERM and waits for the exit; its output stays readable (Process.destroy would close it). */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the daemon did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    void kill() {
        process.destroyForcibly();
    }

    /** One CLI run's outcome. */
    record Run(int exit, String out, String err) {
    }

    /**
     * Runs the launcher as a separate process, optionally as another user through setpriv.
     *
     * @param asUser setpriv options ({@code --reuid U --regid G --clear-groups}), empty for this user
     * @param args the fwgate command line
     */
    static Run fwgate(List<String> asUser, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (!asUser.isEmpty()) {
            command.add("setpriv");
            command.addAll(asUser);
        }
        command.addAll(List.of(java(), "-XX:-UsePerfData", "-jar", launcher().toString()));
        command.addAll(args);
        return run(command);
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("fwgate-it", ".out");
        Path error = Files.createTempFile("fwgate-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(error.toFile());
            builder.environment().remove("FWGATE_STATE");
            builder.environment().remove("FWGATE_CONFIG");
            builder.environment().remove("FWGATE_SOCKET");
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end");
            }
            return new Run(process.exitValue(), Files.readString(output), Files.readString(error));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(error);
        }
    }
}
