package io.fwgate.benchmarks;

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
 * {@code fwgate daemon} as a subprocess, started as a user starts it (the {@code fwgate} script, or a
 * given command), with emulated devices and its own state, configuration and socket. Each line of its
 * standard output is stamped when it arrives, so start-to-ready is measured from the process start to the
 * ready line's arrival. Closing it sends SIGTERM and waits for the exit.
 */
final class DaemonRun implements AutoCloseable {
    static final String READY = "fwgate daemon ready: ";
    /** A guard against a hung JVM, not a measurement. */
    private static final long LIMIT_SECONDS = 120;

    /** One line of the daemon's output and when it arrived ({@link System#nanoTime}). */
    record Line(String text, long nanos) {
    }

    final Path socket;
    private final Process process;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Path err;
    private long readyNanos = -1;

    private DaemonRun(Path dir, Process process, Path err) {
        this.socket = dir.resolve("fwgate.sock");
        this.process = process;
        this.err = err;
        Thread reader = new Thread(this::read, "daemon-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a daemon and waits for its ready line.
     *
     * @param launch how fwgate is started: the script, or {@code java ... -jar fwgate-launcher.jar}
     * @param dir an empty directory for its state, configuration and socket
     * @param options global options before {@code daemon}, e.g. {@code --deploy DIR}
     * @param daemonOptions the daemon's own options, after {@code daemon}
     * @return the daemon, ready
     * @throws IOException if it did not start or never got ready; the message holds what it printed
     */
    static DaemonRun start(List<String> launch, Path dir, List<String> options, List<String> daemonOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("config"));
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("--emulated", "--state", dir.resolve("state").toString(), "--config",
                dir.resolve("config").toString(), "--socket", dir.resolve("fwgate.sock").toString()));
        command.addAll(options);
        command.add("daemon");
        command.addAll(daemonOptions);
        Path err = dir.resolve("daemon.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        clean(builder);
        long start = System.nanoTime();
        DaemonRun daemon = new DaemonRun(dir, builder.start(), err);
        daemon.readyNanos = daemon.awaitLine(READY).nanos() - start;
        return daemon;
    }

    /** Keeps the user's environment from pointing the process at another daemon or state. */
    static void clean(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.startsWith("FWGATE_") || name.equals("NOTIFY_SOCKET"));
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(new Line(line, System.nanoTime()));
            }
        } catch (IOException e) {
            lines.add(new Line("<the daemon's output could not be read: " + e.getMessage() + ">", System.nanoTime()));
        }
    }

    /** @return the first line from now on that starts with the prefix */
    Line awaitLine(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        List<String> other = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Line line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.text().startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                other.add(line.text());
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("the daemon printed no '" + prefix + "...' line; it printed " + other + " and on stderr: "
                + Files.readString(err).strip());
    }

    /** @return nanoseconds from the process start to its ready line */
    long readyNanos() {
        return readyNanos;
    }

    /** Stops it with SIGTERM, as systemd does, and waits for it to end. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the daemon did not stop within " + LIMIT_SECONDS + " s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
