package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.reliability.FuzzStats;

/**
 * The deployer's configuration parsers on arbitrary file contents: the trust store ({@code trust.json},
 * naming a real certificate under {@code trust/}), the deny list ({@code revoked.json}), the vetted set
 * ({@code vetted.json}) and the dev cap ({@code dev.json}). A configuration or
 * {@link InvalidConfigException} naming the file, never another exception: an unreadable configuration
 * must make the deployer trust nothing, not crash it.
 */
class TrustConfigFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("trust-config");
    private static final List<String> FILES = List.of(ConfigLoader.TRUST, ConfigLoader.REVOKED, ConfigLoader.VETTED,
            ConfigLoader.DEV);
    private static final Path CONFIG = configDir();

    private static Path configDir() {
        try {
            Path dir = Files.createTempDirectory("fwgate-fuzz-config");
            Files.createDirectories(dir.resolve(ConfigLoader.TRUST_DIR));
            try (InputStream pem = TrustConfigFuzzTest.class.getResourceAsStream("signer.pem")) {
                Files.write(dir.resolve(ConfigLoader.TRUST_DIR).resolve("signer.pem"), pem.readAllBytes());
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void load(FuzzedDataProvider data) throws IOException {
        STATS.tried();
        String file = FILES.get(data.consumeInt(0, FILES.size() - 1));
        for (String other : FILES) {
            Files.deleteIfExists(CONFIG.resolve(other));
        }
        Files.write(CONFIG.resolve(file), data.consumeRemainingAsBytes());
        try {
            TrustConfig config = ConfigLoader.load(CONFIG);
            assertThat(config.signers()).allSatisfy(s -> assertThat(s).isNotNull());
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).contains(file);
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
