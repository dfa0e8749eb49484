package io.fwgate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the inputs one fuzz target tried and writes the count to {@code target/fuzz-stats/TARGET.txt}
 * when the target's JVM is done with it, so the fuzz stage can report inputs per target whether Jazzer
 * fuzzed (JAZZER_FUZZ set) or replayed the checked-in corpus.
 */
public final class FuzzStats {
    private final String target;
    private final AtomicLong inputs = new AtomicLong();
    private final long started = System.nanoTime();

    /** @param target the fuzz target's name, as the report shows it */
    public FuzzStats(String target) {
        this.target = target;
    }

    /** Counts one input. */
    public void tried() {
        inputs.incrementAndGet();
    }

    /** @return inputs counted so far */
    public long inputs() {
        return inputs.get();
    }

    /** Writes {@code inputs=N seconds=S mode=fuzz|regression} for this target. */
    public void write() {
        Path dir = Path.of(System.getProperty("fuzz.stats.dir", "target/fuzz-stats"));
        String mode = System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()
                ? "regression" : "fuzz";
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(target + ".txt"),
                    "inputs=" + inputs.get() + " seconds=" + seconds + " mode=" + mode + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fuzz statistics to " + dir, e);
        }
    }
}
