package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures, checked the way jarsigner -verify does, before anything is installed: an intact signed
 * bundle passes; every way of changing it after signing is refused with its own reason.
 */
class SignatureVerificationTest {
    private static final String BUNDLE = "com.acme.fwgate.cxl";
    private static TestPki.Identity acme;
    private static TrustConfig trustsAcme;

    @TempDir
    Path dir;
    private VerifierFixture fixture;
    private Path signed;

    @BeforeAll
    static void keys() {
        acme = TestPki.signer("Acme plugins");
        trustsAcme = VerifierFixture.trusting(TestPki.trusted("acme", acme, VerifierFixture.CONFIGURATION));
    }

    @BeforeEach
    void signedPlugin() throws Exception {
        fixture = new VerifierFixture(dir);
        signed = fixture.signed(TestJars.plugin(BUNDLE), acme);
    }

    @Test
    void anIntactSignedBundleFromATrustedSignerIsVerified() throws Exception {
        Verifier.Verified verified = fixture.verify(signed, trustsAcme);

        assertThat(verified.headers().symbolicName()).isEqualTo(BUNDLE);
        assertThat(verified.headers().version()).isEqualTo("1.0.0");
        assertThat(verified.headers().tables()).containsExactly(TestJars.TABLE);
        assertThat(verified.signer()).get().extracting(s -> s.signer().name()).isEqualTo("acme");
        assertThat(verified.commands()).isEqualTo(1);
        assertThat(verified.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(signed))));
        assertThat(verified.dev()).isFalse();
    }

    @Test
    void anUnsignedBundleIsRefused() throws Exception {
        Refusal refusal = fixture.refusal(fixture.unsigned(TestJars.plugin(BUNDLE)), trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.UNSIGNED);
        assertThat(refusal.headers()).get().extracting(BundleHeaders::symbolicName).isEqualTo(BUNDLE);
    }

    @Test
    void aChangedClassIsRefusedAsTampered() throws Exception {
        Path tampered = TestJars.rewrite(signed, fixture.file("class.jar"),
                e -> e.put(TestJars.CLASS, new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 62 }));

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(refusal.detail()).contains(TestJars.CLASS);
    }

    @Test
    void aChangedTableIsRefusedAsTampered() throws Exception {
        Path tampered = TestJars.rewrite(signed, fixture.file("table.jar"),
                e -> e.put(TestJars.TABLE, TestJars.replace(e.get(TestJars.TABLE), "telemetry", "configuration")));

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(refusal.detail()).contains(TestJars.TABLE);
    }

    @Test
    void aChangedManifestHeaderIsRefusedAsTampered() throws Exception {
        Path tampered = TestJars.rewrite(signed, fixture.file("manifest.jar"), e -> e.put("META-INF/MANIFEST.MF",
                TestJars.replace(e.get("META-INF/MANIFEST.MF"), "Bundle-Version: 1.0.0", "Bundle-Version: 9.0.0")));

        assertThat(fixture.refusal(tampered, trustsAcme).reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void aChangedManifestDigestForAChangedEntryIsRefusedAsTampered() throws Exception {
        Path unsignedCopy = fixture.unsigned(TestJars.plugin(BUNDLE, "1.0.0",
                TestJars.table(TestJars.command("acme-wipe", "0xc001", "debug-write-full", "data-change-immediate"))));
        byte[] newTable = TestJars.read(unsignedCopy).get(TestJars.TABLE);
        String newDigest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(newTable));
        Path tampered = TestJars.rewrite(signed, fixture.file("digest.jar"), e -> {
            e.put(TestJars.TABLE, newTable);
            String manifest = new String(e.get("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
            String oldDigest = manifest.split("Name: " + TestJars.TABLE + "\r\nSHA-256-Digest: ")[1].split("\r\n")[0];
            e.put("META-INF/MANIFEST.MF", TestJars.replace(e.get("META-INF/MANIFEST.MF"), oldDigest, newDigest));
        });

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(refusal.detail()).contains(TestJars.TABLE);
    }

    @Test
    void aRemovedEntryIsRefusedAsTampered() throws Exception {
        Path tampered = TestJars.rewrite(signed, fixture.file("removed.jar"), e -> e.remove(TestJars.CLASS));

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(refusal.detail()).contains(TestJars.CLASS).contains("removed");
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws Exception {
        Path tampered = TestJars.rewrite(signed, fixture.file("added.jar"),
                e -> e.put("com/acme/fwgate/Backdoor.class", new byte[] { 1, 2, 3 }));

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.ENTRIES_ADDED);
        assertThat(refusal.detail()).contains("com/acme/fwgate/Backdoor.class");
    }

    @Test
    void anEntryWithAManifestDigestButNoSignatureIsRefused() throws Exception {
        byte[] extra = { 1, 2, 3 };
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(extra));
        Path tampered = TestJars.rewrite(signed, fixture.file("unsigned-entry.jar"), e -> {
            e.put("com/acme/fwgate/Extra.class", extra);
            String manifest = new String(e.get("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
            e.put("META-INF/MANIFEST.MF", (manifest + "Name: com/acme/fwgate/Extra.class\r\nSHA-256-Digest: " + digest
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        });

        Refusal refusal = fixture.refusal(tampered, trustsAcme);

        assertThat(refusal.reason()).isEqualTo(Reason.UNSIGNED_ENTRIES);
        assertThat(refusal.detail()).contains("com/acme/fwgate/Extra.class");
    }

    @Test
    void entriesSignedByDifferentSignersAreRefused() throws Exception {
        TestPki.Identity other = TestPki.signer("Other");
        Path first = fixture.signed(Map.of("META-INF/MANIFEST.MF", TestJars.manifest(BUNDLE, "1.0.0")
                .getBytes(StandardCharsets.UTF_8), TestJars.CLASS, new byte[] { 1 }), acme);
        Path merged = TestJars.rewrite(first, fixture.file("merged.jar"), e -> e.put(TestJars.TABLE,
                TestJars.table(TestJars.command("acme-read-counters", "0xc000", "telemetry")).getBytes(StandardCharsets.UTF_8)));
        Path twice = TestJars.sign(merged, fixture.file("twice.jar"), other);

        assertThat(fixture.refusal(twice, trustsAcme).reason()).isEqualTo(Reason.UNSIGNED_ENTRIES);
    }
}
