package io.fwgate.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for the benchmarks' state (audit logs), under {@code fwgate.bench.work} (set by the
 * runner to a directory on the disk the daemon would use: the audit's fsync cost depends on it), else
 * under the system's temporary directory.
 */
public final class Workspace {
    /** The system property naming the base directory. */
    public static final String PROPERTY = "fwgate.bench.work";

    private Workspace() {
    }

    /**
     * @param prefix the new directory's name prefix
     * @return a new, empty directory
     */
    public static Path create(String prefix) {
        try {
            String base = System.getProperty(PROPERTY);
            if (base == null) {
                return Files.createTempDirectory("fwgate-bench-" + prefix);
            }
            return Files.createTempDirectory(Files.createDirectories(Path.of(base)), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a benchmark directory: " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and everything in it. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
