package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.COLLECTION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/** The trust store, deny list, vetted set and dev policy files: what they say, and clear errors. */
class ConfigLoaderTest {
    private static final String SHA = "ab".repeat(32);
    private static TestPki.Identity acme;

    @TempDir
    Path config;

    @BeforeAll
    static void keys() {
        acme = TestPki.signer("Acme plugins");
    }

    private void write(String file, String json) throws Exception {
        Files.writeString(config.resolve(file), json, StandardCharsets.UTF_8);
    }

    private String trustEntry(String extra) throws Exception {
        String pem = TestPki.writePem(config, "acme.pem", acme.certificate());
        return "{\"signers\": [{\"name\": \"acme\", \"certificate\": \"" + pem + "\", \"max-level\": \"configuration\""
                + extra + "}]}";
    }

    @Test
    void withoutFilesNothingIsTrustedOrRevokedOrVetted() throws Exception {
        TrustConfig loaded = ConfigLoader.load(config);

        assertThat(loaded.signers()).isEmpty();
        assertThat(loaded.deny()).isEqualTo(DenyList.EMPTY);
        assertThat(loaded.vetted()).isEmpty();
        assertThat(loaded.devCap()).isEqualTo(Cap.TELEMETRY);
    }

    @Test
    void aFullConfigurationWithCommentsIsRead() throws Exception {
        write("trust.json", "# signers this host trusts\n" + trustEntry(", \"max-reach\": \"fabric\", # fabric manager\n"
                + "\"bundles\": [\"com.acme.*\"], \"not-before\": \"2026-01-01T00:00:00Z\","
                + " \"not-after\": \"2027-01-01T00:00:00Z\""));
        write("revoked.json", "{\"certificates\": [\"" + SHA.toUpperCase() + "\"],\n # colons are allowed\n"
                + " \"bundles\": [\"" + SHA.replaceAll("(..)(?!$)", "$1:") + "\"]}");
        write("vetted.json", "{\"bundles\": [{\"symbolic-name\": \"com.acme.cxl\", \"version\": \"1.2\", \"sha256\": \""
                + SHA + "\"}]}");
        write("dev.json", "{\"max-level\": \"debug-write\"}");

        TrustConfig loaded = ConfigLoader.load(config);

        TrustedSigner signer = loaded.signers().get(0);
        assertThat(signer.name()).isEqualTo("acme");
        assertThat(signer.certificate()).isEqualTo(acme.certificate());
        assertThat(signer.fingerprint()).isEqualTo(TestPki.fingerprint(acme.certificate()));
        assertThat(signer.cap()).isEqualTo(new Cap(Level.CONFIGURATION, Reach.FABRIC));
        assertThat(signer.bundles()).containsExactly("com.acme.*");
        assertThat(signer.notBefore()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(signer.notAfter()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(loaded.deny().certificates()).containsExactly(SHA);
        assertThat(loaded.deny().bundles()).containsExactly(SHA);
        assertThat(loaded.vetted()).get().extracting(VettedSet::bundles).asInstanceOf(COLLECTION)
                .containsExactly(new VettedSet.Vetted("com.acme.cxl", "1.2.0", SHA));
        assertThat(loaded.devCap()).isEqualTo(new Cap(Level.DEBUG_WRITE, Reach.DEVICE));
    }

    @Test
    void aTrustEntryWithoutAMaximumLevelIsAnError() throws Exception {
        String pem = TestPki.writePem(config, "acme.pem", acme.certificate());
        write("trust.json", "{\"signers\": [{\"name\": \"acme\", \"certificate\": \"" + pem + "\"}]}");

        assertThatThrownBy(() -> ConfigLoader.load(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("trust.json").hasMessageContaining("/signers/0").hasMessageContaining("max-level");
    }

    @Test
    void typosAndBadValuesAreErrorsThatNameFileAndMember() throws Exception {
        write("trust.json", trustEntry(", \"max-levle\": \"telemetry\""));
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("unknown member 'max-levle'");

        write("trust.json", trustEntry(", \"max-reach\": \"galaxy\""));
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("unknown reach 'galaxy'");

        write("trust.json", trustEntry(", \"not-after\": \"next year\""));
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("'not-after'");

        write("trust.json", "{\"signers\": [{\"name\": \"a\", \"certificate\": \"trust/none.pem\", \"max-level\": \"telemetry\"}]}");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("none.pem").hasMessageContaining("cannot be read");
    }

    @Test
    void aCertificateFileThatIsNotACertificateIsAnError() throws Exception {
        Files.createDirectories(config.resolve("trust"));
        Files.writeString(config.resolve("trust/bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        write("trust.json", "{\"signers\": [{\"name\": \"a\", \"certificate\": \"trust/bad.pem\", \"max-level\": \"telemetry\"}]}");

        assertThatThrownBy(() -> ConfigLoader.load(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("bad.pem");
    }

    @Test
    void brokenDenyListsAndVettedSetsAreErrors() throws Exception {
        write("revoked.json", "{\"certificates\": [\"not-a-hash\"]}");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("revoked.json")
                .hasMessageContaining("/certificates/0").hasMessageContaining("64 hex digits");

        write("revoked.json", "{\"bundles\": [], \"bundles\": []}");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("revoked.json")
                .hasMessageContaining("not valid JSON");

        write("revoked.json", "[]");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("one JSON object");

        Files.delete(config.resolve("revoked.json"));
        write("vetted.json", "{\"bundles\": [{\"symbolic-name\": \"x\", \"version\": \"one\", \"sha256\": \"" + SHA + "\"}]}");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("vetted.json")
                .hasMessageContaining("'one'");

        write("vetted.json", "{\"bundles\": [{\"symbolic-name\": \"x\", \"version\": \"1\"");
        assertThatThrownBy(() -> ConfigLoader.load(config)).hasMessageContaining("vetted.json").hasMessageContaining("line");
    }

    @Test
    void anEmptyVettedSetMeansNothingRuns() throws Exception {
        write("vetted.json", "{\"bundles\": []}");

        assertThat(ConfigLoader.load(config).vetted()).get().extracting(VettedSet::bundles)
                .asInstanceOf(COLLECTION).isEmpty();
    }
}
