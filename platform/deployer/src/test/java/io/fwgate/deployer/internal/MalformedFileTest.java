package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not sound bundles: each refused with its own reason, none throwing anything else, and
 * the limits keep what is read bounded. Small limits stand in for the defaults so the tests stay fast.
 */
class MalformedFileTest {
    private static final Limits SMALL = new Limits(1 << 20, 50, 2 << 20, 20, 64 << 10);
    /** Lets the inflated total, not the ratio, be the limit that trips. */
    private static final Limits NO_RATIO = new Limits(1 << 20, 50, 2 << 20, 1_000_000, 64 << 10);
    private static TestPki.Identity acme;
    private static TrustConfig trustsAcme;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        acme = TestPki.signer("Acme plugins");
        trustsAcme = VerifierFixture.trusting(TestPki.trusted("acme", acme, Cap.TELEMETRY));
    }

    private Refusal refusal(Limits limits, Path file) {
        return new VerifierFixture(dir, limits).refusal(file, trustsAcme);
    }

    private Path zip(Map<String, byte[]> entries) throws Exception {
        return new VerifierFixture(dir).unsigned(entries);
    }

    @Test
    void garbageAndEmptyFilesAreNotBundles() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        VerifierFixture fixture = new VerifierFixture(dir, SMALL);

        Refusal random = refusal(SMALL, fixture.write("garbage.jar", garbage));
        Refusal empty = refusal(SMALL, fixture.write("empty.jar", new byte[0]));

        assertThat(random.reason()).isEqualTo(Reason.NOT_A_BUNDLE);
        assertThat(random.detail()).contains("not a valid zip");
        assertThat(empty.reason()).isEqualTo(Reason.NOT_A_BUNDLE);
        assertThat(empty.detail()).contains("empty");
    }

    @Test
    void aTruncatedSignedJarIsNotABundle() throws Exception {
        VerifierFixture fixture = new VerifierFixture(dir, SMALL);
        byte[] whole = Files.readAllBytes(fixture.signed(TestJars.plugin("com.acme.fwgate.cxl"), acme));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThat(refusal(SMALL, fixture.write("half.jar", half)).reason()).isEqualTo(Reason.NOT_A_BUNDLE);
    }

    @Test
    void aZipWithoutBundleHeadersIsNotABundle() throws Exception {
        Path noManifest = zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        Path plainJar = zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        Path noName = zip(Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        Path badVersion = zip(Map.of("META-INF/MANIFEST.MF", TestJars.manifest("com.acme.x", "1.x")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(refusal(SMALL, noManifest).detail()).contains("no META-INF/MANIFEST.MF");
        assertThat(refusal(SMALL, plainJar).detail()).contains("Bundle-ManifestVersion");
        assertThat(refusal(SMALL, noName).detail()).contains("Bundle-SymbolicName");
        assertThat(refusal(SMALL, badVersion).detail()).contains("'1.x'");
        assertThat(refusal(SMALL, badVersion).reason()).isEqualTo(Reason.NOT_A_BUNDLE);
    }

    @Test
    void aZipWithTwoEntriesOfOneNameIsNotABundle() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        entries.put("com/acme/A.class", new byte[] { 1 });
        entries.put("com/acme/B.class", new byte[] { 2 });
        byte[] zip = Files.readAllBytes(zip(entries));
        // rename B to A in the local header and the central directory alike, as a crafted zip would
        byte[] crafted = new String(zip, StandardCharsets.ISO_8859_1).replace("com/acme/B.class", "com/acme/A.class")
                .getBytes(StandardCharsets.ISO_8859_1);

        Refusal refusal = refusal(SMALL, new VerifierFixture(dir).write("twice.jar", crafted));

        assertThat(refusal.reason()).isEqualTo(Reason.NOT_A_BUNDLE);
        assertThat(refusal.detail()).contains("com/acme/A.class").contains("twice");
    }

    @Test
    void aFileOverTheMaximumIsRefusedWithoutCopyingMoreThanTheMaximum() throws Exception {
        byte[] big = new byte[(1 << 20) + 1];
        Path file = new VerifierFixture(dir).write("big.jar", big);

        Refusal refusal = refusal(SMALL, file);

        assertThat(refusal.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal.detail()).contains(String.valueOf(1 << 20));
        try (var staged = Files.list(dir.resolve("staging"))) {
            assertThat(staged).as("no partial copy is left behind").isEmpty();
        }
    }

    @Test
    void zipBombsAreRefusedByEntriesTotalRatioAndMetadataSize() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        for (int i = 0; i < 60; i++) {
            many.put("com/acme/C" + i + ".class", new byte[] { (byte) i });
        }
        Map<String, byte[]> inflates = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        inflates.put("data/zeros.bin", new byte[3 << 20]);
        Map<String, byte[]> ratio = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        ratio.put("data/zeros.bin", new byte[512 << 10]);
        Map<String, byte[]> metadata = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        metadata.put("META-INF/ACME.SF", new byte[128 << 10]);

        assertThat(refusal(SMALL, zip(many)).detail()).contains("63 entries");
        assertThat(refusal(NO_RATIO, zip(inflates)).detail()).contains("inflate to more than");
        assertThat(refusal(SMALL, zip(ratio)).detail()).contains("20 times");
        assertThat(refusal(NO_RATIO, zip(metadata)).detail()).contains("META-INF/ACME.SF");
        for (Path bomb : new Path[] { zip(many), zip(inflates), zip(metadata) }) {
            assertThat(refusal(NO_RATIO, bomb).reason()).isEqualTo(Reason.ZIP_BOMB);
        }
    }

    @Test
    void aMissingOrInvalidTableIsRefusedBeforeInstall() throws Exception {
        VerifierFixture fixture = new VerifierFixture(dir, SMALL);
        Map<String, byte[]> missing = new LinkedHashMap<>(TestJars.plugin("com.acme.x"));
        missing.remove(TestJars.TABLE);
        Path invalid = fixture.signed(TestJars.plugin("com.acme.x", "1.0.0", "{\"format\": 1"), acme);

        Refusal gone = refusal(SMALL, fixture.signed(missing, acme));
        Refusal broken = refusal(SMALL, invalid);

        assertThat(gone.reason()).isEqualTo(Reason.BAD_TABLE);
        assertThat(gone.detail()).contains(TestJars.TABLE).contains("not in the jar");
        assertThat(broken.reason()).isEqualTo(Reason.BAD_TABLE);
        assertThat(broken.headers()).get().extracting(BundleHeaders::symbolicName).isEqualTo("com.acme.x");
    }
}
