package io.fwgate.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's failures, each one line naming the problem, in a real Felix. */
class EmbeddedFrameworkTest {
    @TempDir
    Path storage;
    @TempDir
    Path bundles;

    private EmbeddedFramework framework;

    @AfterEach
    void stop() throws InterruptedException {
        framework.stop(10_000);
    }

    private EmbeddedFramework framework() {
        framework = new EmbeddedFramework(storage, Map.of());
        return framework;
    }

    private void bundle(String name, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        for (int i = 0; i < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        try (OutputStream out = Files.newOutputStream(bundles.resolve(name + ".jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    @Test
    void anEmptyBundleDirectoryIsReported() {
        assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> framework().start(bundles))
                .withMessage("no bundles in " + bundles + ": the runtime is not assembled");
    }

    @Test
    void anUnresolvableBundleIsNamedOnOneLine() throws IOException {
        bundle("com.example.good");
        bundle("com.example.needy", "Import-Package", "no.such.pkg");

        assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> framework().start(bundles))
                .withMessageStartingWith("bundle com.example.needy did not start: ")
                .withMessageContaining("no.such.pkg")
                .withMessageNotContaining("\n");
    }

    @Test
    void aMissingPlatformIsNamedWhenTheCliNeverAppears() throws Exception {
        bundle("com.example.good");
        framework().start(bundles);

        assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> framework.awaitCli(1))
                .withMessageContaining("no io.fwgate.platform.Gateway service: the platform core did not start");
    }

    @Test
    void fragmentsAreInstalledButNotStarted() throws Exception {
        bundle("com.example.host");
        bundle("com.example.fragment", "Fragment-Host", "com.example.host");

        assertThatCode(() -> framework().start(bundles)).doesNotThrowAnyException();
    }
}
