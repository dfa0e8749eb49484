package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.platform.PluginView;

/**
 * The configuration is watched too: a revocation unloads what already runs at the next settled scan, a
 * broken configuration trusts nothing, and new trust admits files refused before.
 */
class DeployerTrustChangeTest {
    private static TestPki.Identity acme;

    @TempDir
    Path root;
    private DeployerFixture f;
    private Path jar;

    @BeforeAll
    static void keys() {
        acme = TestPki.signer("Acme plugins");
    }

    @BeforeEach
    void installed() throws Exception {
        f = new DeployerFixture(root, acme);
        f.deployer.start();
        jar = f.drop(f.signedPlugin("cxl"), "cxl.jar");
        f.settle();
        assertThat(f.host.bundles).hasSize(1);
    }

    @Test
    void revokingTheSignerUnloadsItsBundlesAtOnceAndLiftingItReloadsThem() throws Exception {
        f.writeConfig("revoked.json", "{\"certificates\": [\"" + TestPki.fingerprint(acme.certificate()) + "\"]}");

        f.settle();

        assertThat(f.host.bundles).isEmpty();
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("revoked-certificate");
        assertThat(f.audit.records).filteredOn(r -> r.event().equals("plugin-uninstalled")).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsEntry("reason", "revoked-certificate"));

        Files.delete(f.config.resolve("revoked.json"));
        f.settle();

        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), jar)).isTrue();
        assertThat(f.deployments.refused()).isEmpty();
    }

    @Test
    void revokingTheBundleHashUnloadsIt() throws Exception {
        String sha = (String) f.audit.records.get(0).fields().get("sha256");
        f.writeConfig("revoked.json", "{\"bundles\": [\"" + sha + "\"]}");

        f.settle();

        assertThat(f.host.bundles).isEmpty();
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("revoked-bundle");
    }

    @Test
    void aBrokenConfigurationUnloadsEverythingUntilItIsFixed() throws Exception {
        f.writeConfig("trust.json", "{\"signers\": [");

        f.settle();

        assertThat(f.host.bundles).isEmpty();
        PluginView view = f.deployments.refused().get(0);
        assertThat(view.reason()).isEqualTo("invalid-configuration");
        assertThat(view.detail()).contains("trust.json");

        f.trustAcme();
        f.settle();

        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), jar)).isTrue();
    }

    @Test
    void aVettedSetWithoutTheBundleUnloadsItAndAddingItBringsItBack() throws Exception {
        String sha = (String) f.audit.records.get(0).fields().get("sha256");
        f.writeConfig("vetted.json", "{\"bundles\": []}");
        f.settle();
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("not-vetted");

        f.writeConfig("vetted.json", "{\"bundles\": [{\"symbolic-name\": \"com.acme.cxl\", \"version\": \"1.0.0\","
                + " \"sha256\": \"" + sha + "\"}]}");
        f.settle();

        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), jar)).isTrue();
        assertThat(f.deployments.refused()).isEmpty();
    }

    @Test
    void aFileRefusedAsUntrustedIsInstalledOnceItsSignerIsTrusted() throws Exception {
        TestPki.Identity globex = TestPki.signer("Globex");
        Path unsigned = TestJars.zip(root.resolve("work/globex.unsigned"), TestJars.plugin("com.globex.cxl", "1.0.0",
                TestJars.table(TestJars.command("globex-stats", "0xc100", "telemetry"))));
        f.drop(TestJars.sign(unsigned, root.resolve("work/globex.jar"), globex), "globex.jar");
        f.settle();
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("untrusted-signer");

        String pem = TestPki.writePem(f.config, "globex.pem", globex.certificate());
        String acmePem = "trust/acme.pem";
        f.writeConfig("trust.json", "{\"signers\": [{\"name\": \"acme\", \"certificate\": \"" + acmePem
                + "\", \"max-level\": \"configuration\"}, {\"name\": \"globex\", \"certificate\": \"" + pem
                + "\", \"max-level\": \"telemetry\", \"bundles\": [\"com.globex.*\"]}]}");
        f.settle();

        assertThat(f.host.installed(Deployer.LOCATION_PREFIX)).containsOnlyKeys(DeployerFixture.location("cxl.jar"),
                DeployerFixture.location("globex.jar"));
        assertThat(f.deployments.refused()).isEmpty();
    }
}
