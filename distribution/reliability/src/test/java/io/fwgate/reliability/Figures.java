package io.fwgate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a test family's figures to {@code target/reliability/NAME.txt}, for docs/RELIABILITY.md: what a
 * run measured, in plain lines, beside the surefire report.
 */
final class Figures {
    private Figures() {
    }

    static void write(String name, List<String> lines) {
        Path dir = Path.of(System.getProperty("fuzz.stats.dir", "target/fuzz-stats")).resolveSibling("reliability");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figures to " + dir, e);
        }
    }
}
