package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is handed on only once its stamp has stayed the same for the settle interval, and only once. */
class StableFilesTest {
    private static final long SETTLE = 100;
    private static final Path JAR = Path.of("/deploy/acme.jar");

    private final StableFiles files = new StableFiles(SETTLE);

    private static StableFiles.Stamp stamp(long size, long modified) {
        return new StableFiles.Stamp(size, FileTime.fromMillis(modified), "inode-1");
    }

    @Test
    void aNewFileIsHandedOnOnlyAfterItSettles() {
        assertThat(files.scan(Map.of(JAR, stamp(10, 1)), 0).changed()).isEmpty();
        assertThat(files.settling()).isTrue();
        assertThat(files.scan(Map.of(JAR, stamp(10, 1)), SETTLE - 1).changed()).isEmpty();

        StableFiles.Scan settled = files.scan(Map.of(JAR, stamp(10, 1)), SETTLE);

        assertThat(settled.changed()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo(JAR);
            assertThat(change.firstSeenMillis()).isZero();
        });
        assertThat(files.settling()).isFalse();
    }

    @Test
    void aFileStillGrowingIsNotHandedOnAndLatencyCountsFromItsFirstSighting() {
        files.scan(Map.of(JAR, stamp(10, 1)), 0);
        assertThat(files.scan(Map.of(JAR, stamp(20, 2)), 100).changed()).isEmpty();
        assertThat(files.scan(Map.of(JAR, stamp(30, 3)), 200).changed()).isEmpty();

        StableFiles.Scan settled = files.scan(Map.of(JAR, stamp(30, 3)), 300);

        assertThat(settled.changed()).singleElement().extracting(StableFiles.Change::firstSeenMillis).isEqualTo(0L);
    }

    @Test
    void anUnchangedFileIsNotHandedOnTwiceButAChangeOrARedeliveryIs() {
        files.scan(Map.of(JAR, stamp(10, 1)), 0);
        files.scan(Map.of(JAR, stamp(10, 1)), SETTLE);

        assertThat(files.scan(Map.of(JAR, stamp(10, 1)), 1_000).changed()).isEmpty();
        assertThat(files.scan(Map.of(JAR, new StableFiles.Stamp(10, FileTime.fromMillis(1), "inode-2")), 1_100).changed())
                .as("replaced by rename: same size and time, another inode").isEmpty();
        assertThat(files.scan(Map.of(JAR, new StableFiles.Stamp(10, FileTime.fromMillis(1), "inode-2")), 1_200).changed())
                .extracting(StableFiles.Change::firstSeenMillis).containsExactly(1_100L);

        files.redeliver(2_000);

        assertThat(files.scan(Map.of(JAR, new StableFiles.Stamp(10, FileTime.fromMillis(1), "inode-2")), 2_000).changed())
                .extracting(StableFiles.Change::firstSeenMillis).containsExactly(2_000L);
    }

    @Test
    void aBaselineIsNotHandedOnUntilItChanges() {
        files.baseline(Map.of(JAR, stamp(10, 1)), 0);

        assertThat(files.scan(Map.of(JAR, stamp(10, 1)), 1_000).any()).isFalse();
        assertThat(files.settling()).isFalse();
        files.scan(Map.of(JAR, stamp(11, 2)), 1_000);
        assertThat(files.scan(Map.of(JAR, stamp(11, 2)), 1_100).changed()).hasSize(1);
    }

    @Test
    void aFileThatStaysAwayForTheSettleIntervalIsReportedRemoved() {
        files.scan(Map.of(JAR, stamp(10, 1)), 0);

        assertThat(files.scan(Map.of(), 50).removed()).isEmpty();
        assertThat(files.settling()).as("a missing file is watched until it counts as removed").isTrue();
        StableFiles.Scan scan = files.scan(Map.of(), 50 + SETTLE);

        assertThat(scan.removed()).containsExactly(JAR);
        assertThat(scan.any()).isTrue();
        assertThat(files.settling()).isFalse();
    }

    @Test
    void aFileCopiedOverWithinTheSettleIntervalIsAChangeNotARemoval() {
        files.scan(Map.of(JAR, stamp(10, 1)), 0);
        files.scan(Map.of(JAR, stamp(10, 1)), SETTLE);
        assertThat(files.scan(Map.of(), SETTLE + 10).removed()).isEmpty(); // deleted by the copy...
        files.scan(Map.of(JAR, stamp(12, 2)), SETTLE + 20); // ...and written anew
        StableFiles.Scan scan = files.scan(Map.of(JAR, stamp(12, 2)), 2 * SETTLE + 20);
        assertThat(scan.removed()).isEmpty();
        assertThat(scan.changed()).extracting(StableFiles.Change::path).containsExactly(JAR);
    }

    @Test
    void stampsComeFromTheFileSystem(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.jar"), new byte[] { 1, 2, 3 });

        assertThat(StableFiles.Stamp.of(file)).get().extracting(StableFiles.Stamp::size).isEqualTo(3L);
        assertThat(StableFiles.Stamp.of(dir)).as("a directory is not a candidate").isEmpty();
        assertThat(StableFiles.Stamp.of(dir.resolve("missing.jar"))).isEmpty();
    }
}
