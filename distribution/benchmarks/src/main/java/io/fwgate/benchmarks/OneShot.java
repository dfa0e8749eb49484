package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end as a user's shell would, and times it from process start to exit. */
final class OneShot {
    /** A guard against a hung process, not a measurement. */
    private static final long LIMIT_SECONDS = 120;

    private OneShot() {
    }

    /**
     * @param command the command line
     * @param work where its output is kept while it runs
     * @param expect text its standard output must contain, so a failing run is never timed as a fast one
     * @return nanoseconds from start to exit
     * @throws IOException if it failed, with its output
     */
    static long time(List<String> command, Path work, String expect) throws IOException, InterruptedException {
        return time(command, Map.of(), work, expect);
    }

    /**
     * @param environment variables set for this command on top of this process's (without FWGATE_*)
     * @see #time(List, Path, String)
     */
    static long time(List<String> command, Map<String, String> environment, Path work, String expect)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "run", ".out");
        Path err = Files.createTempFile(work, "run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            DaemonRun.clean(builder);
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + LIMIT_SECONDS + " s");
            }
            long nanos = System.nanoTime() - start;
            String output = Files.readString(out) + Files.readString(err);
            if (process.exitValue() != 0 || !output.contains(expect)) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + " without '"
                        + expect + "': " + output.strip());
            }
            return nanos;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * @param warmup runs first, not timed (page cache, archives written on a first run)
     * @param runs timed runs
     * @return each timed run's nanoseconds
     */
    static long[] repeat(int warmup, int runs, List<String> command, Path work, String expect) throws IOException,
            InterruptedException {
        for (int i = 0; i < warmup; i++) {
            time(command, work, expect);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = time(command, work, expect);
        }
        return nanos;
    }
}
