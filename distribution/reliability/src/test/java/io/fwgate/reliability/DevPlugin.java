package io.fwgate.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * An unsigned plugin for the daemon's dev directory: one telemetry command at a vendor opcode for every
 * CXL memory device, as TABLE-FORMAT.md describes it. Each {@link #deploy} writes a new version under a
 * hidden name and renames it into place (the deployer ignores hidden names), so the deployer sees whole
 * files only and hot-reloads the plugin.
 */
final class DevPlugin {
    static final String NAME = "com.example.soak";
    static final String COMMAND = "soak-read";
    private static final String TABLE = "OSGI-INF/fwgate/soak.json";

    private DevPlugin() {
    }

    static void deploy(Path devDir, int version) throws IOException {
        Path hidden = devDir.resolve(".soak.jar");
        try (OutputStream file = Files.newOutputStream(hidden);
                JarOutputStream jar = new JarOutputStream(file, manifest(version))) {
            jar.putNextEntry(new JarEntry(TABLE));
            jar.write(table(version).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Files.move(hidden, devDir.resolve("soak.jar"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Manifest manifest(int version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", NAME);
        main.putValue("Bundle-Version", "1.0." + version);
        main.putValue("Fwgate-Command-Tables", TABLE);
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=io.fwgate.commands)"
                + "(version>=1.0.0)(!(version>=2.0.0)))\"");
        return manifest;
    }

    private static String table(int version) {
        return "{\"format\": 1, \"vendor\": \"soak " + version + "\", \"match\": {\"kinds\": [\"cxl-memory-device\"]},"
                + " \"commands\": [{\"name\": \"" + COMMAND + "\", \"opcode\": \"0xc7f0\", \"description\": \"v"
                + version + "\", \"effects\": [], \"level\": \"telemetry\", \"request\": {\"size\": 0},"
                + " \"response\": {\"max-size\": 0, \"fields\": []}}]}";
    }
}
