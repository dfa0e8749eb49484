package io.fwgate.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The framework properties the launcher sets, and their defaults. */
class DeploySettingsTest {
    @Test
    void defaultsFollowTheStateAndConfigDirectories() {
        DeploySettings settings = DeploySettings.from(Map.<String, String>of()::get);

        assertThat(settings.deployDir()).isEqualTo(Path.of("/var/lib/fwgate/deploy"));
        assertThat(settings.stagingDir()).isEqualTo(Path.of("/var/lib/fwgate/deploy-staging"));
        assertThat(settings.configDir()).isEqualTo(Path.of("/etc/fwgate"));
        assertThat(settings.devDir()).isEmpty();
        assertThat(settings.curatedDir()).isEmpty();
        assertThat(settings.limits()).isEqualTo(Limits.DEFAULT);
        assertThat(settings.limits().maxFileBytes()).isEqualTo(32L << 20);
        assertThat(settings.settleMillis()).isEqualTo(100);
    }

    @Test
    void propertiesOverrideTheDefaults() {
        DeploySettings settings = DeploySettings.from(Map.of("fwgate.state", "/srv/state", "fwgate.deploy", "/srv/drop",
                "fwgate.config", "/srv/config", "fwgate.dev", "/home/dev/bundles", "fwgate.deploy.max-bytes", "1024",
                "fwgate.deploy.settle-ms", "50", "fwgate.plugins", "/usr/share/fwgate/plugins")::get);

        assertThat(settings.deployDir()).isEqualTo(Path.of("/srv/drop"));
        assertThat(settings.stagingDir()).isEqualTo(Path.of("/srv/state/deploy-staging"));
        assertThat(settings.configDir()).isEqualTo(Path.of("/srv/config"));
        assertThat(settings.devDir()).contains(Path.of("/home/dev/bundles"));
        assertThat(settings.limits().maxFileBytes()).isEqualTo(1024);
        assertThat(settings.settleMillis()).isEqualTo(50);
        assertThat(settings.curatedDir()).contains(Path.of("/usr/share/fwgate/plugins"));
    }

    @Test
    void theCuratedDirectorysJarsAreListedBesideTheDeployDirectorys(@org.junit.jupiter.api.io.TempDir Path root)
            throws Exception {
        Path deploy = java.nio.file.Files.createDirectories(root.resolve("deploy"));
        Path curated = java.nio.file.Files.createDirectories(root.resolve("curated"));
        java.nio.file.Files.writeString(deploy.resolve("a.jar"), "a");
        java.nio.file.Files.writeString(curated.resolve("b.jar"), "b");
        java.nio.file.Files.writeString(curated.resolve("notes.txt"), "not a bundle");
        DeploySettings settings = DeploySettings.from(Map.of("fwgate.deploy", deploy.toString(), "fwgate.state",
                root.toString(), "fwgate.plugins", curated.toString())::get);
        assertThat(Listing.bundles(settings).orElseThrow().keySet())
                .containsExactlyInAnyOrder(deploy.resolve("a.jar"), curated.resolve("b.jar"));
    }

    @Test
    void aLimitThatIsNotAPositiveNumberNamesTheProperty() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("fwgate.deploy.max-entries", "lots")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fwgate.deploy.max-entries")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> DeploySettings.from(Map.of("fwgate.deploy.max-ratio", "0")::get))
                .hasMessageContaining("fwgate.deploy.max-ratio");
    }
}
