package io.fwgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's class path: exactly the jars the launcher's manifest names, found by artifact id. */
class ClientLauncherTest {
    @TempDir
    Path bundles;

    private static Manifest naming(String jars) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue(ClientLauncher.CLIENT_JARS, jars);
        return manifest;
    }

    @Test
    void artifactIdsAreReadFromVersionedJarNames() {
        assertThat(ClientLauncher.artifactId("fwgate-cli-1.0.1-SNAPSHOT.jar")).isEqualTo("fwgate-cli");
        assertThat(ClientLauncher.artifactId("jackson-annotations-2.23.jar")).isEqualTo("jackson-annotations");
        assertThat(ClientLauncher.artifactId("org.osgi.util.function-1.2.0.jar")).isEqualTo("org.osgi.util.function");
    }

    @Test
    void theNamedJarsAndNoOthersMakeTheClassPath() throws Exception {
        for (String jar : new String[] { "fwgate-cli-1.0.jar", "picocli-4.7.7.jar", "fwgate-emulator-1.0.jar" }) {
            Files.createFile(bundles.resolve(jar));
        }

        URL[] path = ClientLauncher.classPath(bundles, naming("fwgate-cli picocli"));

        assertThat(Arrays.stream(path).map(url -> Path.of(url.getPath()).getFileName().toString()))
                .containsExactly("fwgate-cli-1.0.jar", "picocli-4.7.7.jar");
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Files.createFile(bundles.resolve("fwgate-cli-1.0.jar"));

        assertThatExceptionOfType(LaunchException.class)
                .isThrownBy(() -> ClientLauncher.classPath(bundles, naming("fwgate-cli fwgate-daemon")))
                .withMessage("the client's jars [fwgate-daemon] are not in " + bundles);
    }

    @Test
    void aManifestWithoutTheHeaderIsReported() {
        assertThatExceptionOfType(LaunchException.class)
                .isThrownBy(() -> ClientLauncher.classPath(bundles, new Manifest()))
                .withMessageContaining("Fwgate-Client-Jars");
    }
}
