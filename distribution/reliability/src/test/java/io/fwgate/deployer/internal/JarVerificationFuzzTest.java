package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.reliability.FuzzStats;

/**
 * The deployer's verification of a dropped bundle on mutations of a jar signed by a trusted signer
 * ({@link #SEED}, signed with jarsigner by the key of {@code signer.pem}): a
 * {@link Refusal} or a verified bundle, nothing else, and a bundle that verifies has exactly the signed
 * bundle's content as the framework's zip reader sees it: no mutation changes what runs and still passes.
 * The signing key was not kept: a new seed needs a new key pair, and its certificate as {@code signer.pem}.
 */
class JarVerificationFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("jar-verification");
    /** The signed jar, which is also the target's first corpus input. */
    private static final String SEED = "JarVerificationFuzzTestInputs/verify/signed-plugin.jar";
    private static final Path DIR;
    private static final TrustConfig TRUST;
    private static final Map<String, String> SIGNED;

    static {
        try {
            DIR = Files.createTempDirectory("fwgate-fuzz-jar");
            Path config = Files.createDirectories(DIR.resolve("config"));
            Files.createDirectories(config.resolve(ConfigLoader.TRUST_DIR));
            Files.write(config.resolve(ConfigLoader.TRUST_DIR).resolve("signer.pem"), resource("signer.pem"));
            Files.writeString(config.resolve(ConfigLoader.TRUST), "{\"signers\": [{\"name\": \"fuzz\", "
                    + "\"certificate\": \"trust/signer.pem\", \"max-level\": \"configuration\"}]}");
            TRUST = ConfigLoader.load(config);
            Path original = Files.write(DIR.resolve("original.jar"), resource(SEED));
            SIGNED = content(original);
        } catch (IOException | InvalidConfigException e) {
            throw new IllegalStateException("cannot set up the jar verification target", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JarVerificationFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSignedSeedItselfVerifies() throws Exception {
        byte[] jar = resource(SEED);
        verify(jar);
        Path file = DIR.resolve("dropped.jar");
        Staging.Staged staged = new Staging.Staged(file, "seed", jar.length);
        assertThat(new Verifier(Limits.DEFAULT, Clock.systemUTC()).verify(staged, false, TRUST).commands()).isEqualTo(1);
    }

    /**
     * Finding F8, fixed: the JDK's jar verifier skips entries whose name ends in '/', so one added after
     * signing passed, data and all. Found by this target (its input {@code dir-entry-renamed}: an empty
     * directory entry renamed, which may stay, as it carries nothing).
     */
    @Test
    void aDirectoryEntryCarryingDataAddedAfterSigningIsRefused() throws Exception {
        Path jar = DIR.resolve("added-directory.jar");
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(resource(SEED)));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("OSGI-INF/fwgate/unsigned/"));
            out.write("not signed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(jar);
        Staging.Staged staged = new Staging.Staged(jar, "added", bytes.length);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Verifier(Limits.DEFAULT, Clock.systemUTC()).verify(staged, false, TRUST))
                .isInstanceOf(Refusal.class).hasMessageContaining("named as a directory but carries data");
    }

    @FuzzTest(maxDuration = "10s")
    void verify(byte[] jar) throws IOException {
        STATS.tried();
        Path file = Files.write(DIR.resolve("dropped.jar"), jar);
        Staging.Staged staged = new Staging.Staged(file, HexFormat.of().formatHex(Staging.sha256().digest(jar)),
                jar.length);
        try {
            Verifier.Verified verified = new Verifier(Limits.DEFAULT, Clock.systemUTC()).verify(staged, false, TRUST);
            assertThat(verified.headers().symbolicName()).isEqualTo("com.example.fuzz");
            assertThat(content(file)).isEqualTo(SIGNED);
        } catch (Refusal refusal) {
            assertThat(refusal.getMessage()).isNotBlank();
        }
    }

    /**
     * @return every file entry outside META-INF by name, as the JDK's zip reader (the central directory)
     *         sees it, and each directory entry as empty (no signature covers directories; they must carry
     *         nothing, and the names of empty ones do not matter)
     */
    private static Map<String, String> content(Path jar) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        assertThat(in.read()).as(entry.getName()).isEqualTo(-1);
                    }
                } else if (!entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), HexFormat.of().formatHex(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
