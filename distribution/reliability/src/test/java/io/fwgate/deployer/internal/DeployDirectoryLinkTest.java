package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symlink tricks in the deploy directory: a link is read as the file it names, into the owner-only
 * staging directory, and verified from that copy, so a link can only bring in bytes that must still pass
 * as a bundle signed by a trusted signer; a link to a secret leaves its copy readable by the owner only.
 */
class DeployDirectoryLinkTest {
    @TempDir
    Path work;

    private Verifier.Verified stageAndVerify(Path dropped) throws Refusal {
        Staging staging = new Staging(work.resolve("staging"), Limits.DEFAULT.maxFileBytes());
        return new Verifier(Limits.DEFAULT, Clock.systemUTC()).verify(staging.stage(dropped), false, TrustConfig.EMPTY);
    }

    @Test
    void aLinkToAnUnsignedBundleElsewhereIsRefusedAsUnsigned() throws Exception {
        Path outside = work.resolve("outside.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(outside))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write(("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: com.example.evil\r\n"
                    + "Bundle-Version: 1.0.0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("deploy")).resolve("evil.jar"), outside);
        assertThatThrownBy(() -> stageAndVerify(link)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.UNSIGNED));
    }

    @Test
    void aLinkToASecretIsNotABundleAndItsCopyIsTheOwnersOnly() throws Exception {
        Path secret = Files.writeString(work.resolve("shadow"), "root:$6$secret:19000:0:99999:7:::\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("deploy")).resolve("x.jar"), secret);
        assertThatThrownBy(() -> stageAndVerify(link)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.NOT_A_BUNDLE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("staging"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aLinkToTheSignedBundleIsTheSignedBundle() throws Exception {
        Path signed = work.resolve("signed.jar");
        try (InputStream in = getClass().getResourceAsStream("JarVerificationFuzzTestInputs/verify/signed-plugin.jar")) {
            Files.write(signed, in.readAllBytes());
        }
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("deploy")).resolve("s.jar"), signed);
        // no signer is trusted here: the link changes nothing about how the bytes are judged
        assertThatThrownBy(() -> stageAndVerify(link)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }
}
