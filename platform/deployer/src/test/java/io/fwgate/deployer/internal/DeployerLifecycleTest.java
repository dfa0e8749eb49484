package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.platform.PluginView;

/** Drop, update, remove: what reaches the framework and the audit log, and what does not. */
class DeployerLifecycleTest {
    private static TestPki.Identity acme;

    @TempDir
    Path root;
    private DeployerFixture f;

    @BeforeAll
    static void keys() {
        acme = TestPki.signer("Acme plugins");
    }

    @BeforeEach
    void start() throws Exception {
        f = new DeployerFixture(root, acme);
        f.deployer.start();
    }

    @Test
    void aSignedDropIsInstalledOnceItSettlesAndTheInstallIsAudited() throws Exception {
        Path jar = f.drop(f.signedPlugin("cxl"), "cxl.jar");

        f.deployer.scan();
        assertThat(f.host.bundles).as("not before the settle interval").isEmpty();
        f.clock.advance(DeployerFixture.SETTLE);
        f.deployer.scan();

        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), jar)).isTrue();
        assertThat(f.deployments.refused()).isEmpty();
        FakeAudit.Record record = f.audit.last();
        assertThat(record.event()).isEqualTo("plugin-installed");
        assertThat(record.fields()).containsEntry("bundle", "com.acme.cxl").containsEntry("version", "1.0.0")
                .containsEntry("latency-ms", DeployerFixture.SETTLE).containsEntry("commands", 1)
                .containsEntry("dev-mode", true).containsEntry("file", jar.toString());
        assertThat((String) record.fields().get("signer")).contains("acme").contains("CN=Acme plugins");
    }

    @Test
    void aRefusedDropIsListedAndAuditedAndLeavesRunningPluginsAlone() throws Exception {
        f.drop(f.signedPlugin("cxl"), "cxl.jar");
        f.settle();
        Path unsigned = TestJars.zip(root.resolve("work/evil.jar"), TestJars.plugin("com.evil.cxl"));
        f.drop(unsigned, "evil.jar");

        f.settle();

        assertThat(f.host.operations).containsExactly("install " + DeployerFixture.location("cxl.jar"));
        PluginView view = f.deployments.refused().get(0);
        assertThat(view.bundle()).isEqualTo("com.evil.cxl");
        assertThat(view.state()).isEqualTo("REFUSED");
        assertThat(view.reason()).isEqualTo("unsigned");
        assertThat(view.detail()).startsWith("evil.jar: ");
        assertThat(f.audit.last().event()).isEqualTo("plugin-refused");
        assertThat(f.audit.last().fields()).containsEntry("reason", "unsigned").containsEntry("bundle", "com.evil.cxl");
    }

    @Test
    void aChangedFileUpdatesTheBundleInPlaceAndATouchDoesNothing() throws Exception {
        Path deployed = f.drop(f.signedPlugin("cxl"), "cxl.jar");
        f.settle();
        long id = f.host.bundles.keySet().iterator().next();
        Path v2 = f.drop(f.signedPlugin("cxl", TestJars.table(TestJars.command("acme-read-more", "0xc003", "telemetry"))),
                "cxl.jar");

        f.settle();
        Files.setLastModifiedTime(deployed, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        f.settle();

        assertThat(f.host.operations).containsExactly("install " + DeployerFixture.location("cxl.jar"), "update " + id);
        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), v2)).isTrue();
        assertThat(f.audit.events()).containsExactly("plugin-installed", "plugin-updated");
    }

    @Test
    void anUpdateThatFailsVerificationKeepsTheOldVersionRunning() throws Exception {
        Path v1 = f.signedPlugin("cxl");
        f.drop(v1, "cxl.jar");
        f.settle();
        Path tampered = TestJars.rewrite(v1, root.resolve("work/tampered.jar"),
                e -> e.put(TestJars.TABLE, TestJars.replace(e.get(TestJars.TABLE), "telemetry", "configuration")));
        f.drop(tampered, "cxl.jar");

        f.settle();

        assertThat(f.host.runs(DeployerFixture.location("cxl.jar"), v1)).isTrue();
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("tampered");
    }

    @Test
    void aRemovedFileIsUninstalled() throws Exception {
        Path jar = f.drop(f.signedPlugin("cxl"), "cxl.jar");
        f.settle();
        long id = f.host.bundles.keySet().iterator().next();

        Files.delete(jar);
        f.settle();

        assertThat(f.host.bundles).isEmpty();
        assertThat(f.host.operations).endsWith("uninstall " + id);
        assertThat(f.audit.last().event()).isEqualTo("plugin-uninstalled");
        assertThat(f.audit.last().fields()).containsEntry("reason", "file-removed").containsEntry("bundle", "com.acme.cxl");
    }

    @Test
    void filesBeingWrittenUnderAHiddenOrPartNameAreIgnoredUntilRenamed() throws Exception {
        Path part = f.drop(f.signedPlugin("cxl"), "cxl.jar.part");
        f.drop(f.signedPlugin("cxl"), ".cxl.jar");
        f.settle();
        assertThat(f.host.bundles).isEmpty();

        Files.move(part, f.deploy.resolve("cxl.jar"));
        f.settle();

        assertThat(f.host.installed(Deployer.LOCATION_PREFIX)).containsOnlyKeys(DeployerFixture.location("cxl.jar"));
    }

    @Test
    void anUnsignedBundleInTheDevDirectoryIsInstalledAsADevBundle() throws Exception {
        TestJars.zip(f.dev.resolve("mine.jar"), TestJars.plugin("com.dev.mine"));

        f.settle();

        assertThat(f.host.installed(Deployer.DEV_LOCATION_PREFIX)).containsOnlyKeys("fwgate-deployer:dev/mine.jar");
        assertThat(f.audit.last().fields()).containsEntry("signer", "unsigned dev bundle").containsEntry("cap",
                "telemetry/device");
    }

    @Test
    void whenTheFrameworkRefusesTheInstallTheReasonIsShown() throws Exception {
        f.host.refuseInstall = true;
        f.drop(f.signedPlugin("cxl"), "cxl.jar");

        f.settle();

        PluginView view = f.deployments.refused().get(0);
        assertThat(view.reason()).isEqualTo("install-failed");
        assertThat(view.detail()).contains("duplicate bundle");
        assertThat(view.bundle()).isEqualTo("com.acme.cxl");
    }

    @Test
    void anInstallThatCannotBeAuditedIsUndone() throws Exception {
        f.audit.failing = true;
        f.drop(f.signedPlugin("cxl"), "cxl.jar");

        f.settle();

        assertThat(f.host.bundles).isEmpty();
        assertThat(f.host.operations).hasSize(2).last().asString().startsWith("uninstall");
        assertThat(f.deployments.refused()).extracting(PluginView::reason).containsExactly("audit-failed");
    }

    @Test
    void bundlesLeftByAnEarlierRunAreUninstalledAtStartAndStopUninstallsEverything() throws Exception {
        FakeHost host = new FakeHost();
        Path stale = f.signedPlugin("stale");
        long leftover = host.install(DeployerFixture.location("stale.jar"), stale);
        long platform = host.install("reference:file:/opt/fwgate/bundles/core.jar", stale);
        DeployerFixture other = new DeployerFixture(root.resolve("other"), acme);
        Deployer deployer = new Deployer(new DeploySettings(other.deploy, Optional.empty(), other.config,
                root.resolve("other/staging"), Limits.DEFAULT, DeployerFixture.SETTLE), host, other.audit, other.clock,
                other.deployments);
        f.drop(f.signedPlugin("cxl"), "cxl.jar");
        f.settle();

        deployer.start();
        f.deployer.stop();

        assertThat(host.bundles).containsOnlyKeys(platform);
        assertThat(host.operations).contains("uninstall " + leftover);
        assertThat(f.host.bundles).isEmpty();
        assertThat(f.audit.last().fields()).containsEntry("reason", "deployer-stopped");
    }
}
