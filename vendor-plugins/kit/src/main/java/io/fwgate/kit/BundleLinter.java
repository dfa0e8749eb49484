package io.fwgate.kit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;

import io.fwgate.api.CommandTables;

/**
 * Lints a plugin jar as the platform reads it: the bundle headers the deployer requires, each table the
 * {@code Fwgate-Command-Tables} header lists, the extender requirement, and each emulation profile the
 * {@code Fwgate-Emulator-Profiles} header lists.
 */
final class BundleLinter {
    private BundleLinter() {
    }

    static List<Finding> lint(Path jar) {
        String name = jar.getFileName() == null ? jar.toString() : jar.getFileName().toString();
        FindingList out = new FindingList(name, JsonLines.of(new byte[0]));
        List<Finding> findings = new ArrayList<>();
        try (BundleFile bundle = BundleFile.open(jar)) {
            checkHeaders(bundle, out);
            for (String resource : bundle.resources(CommandTables.HEADER)) {
                String source = name + "!/" + resource;
                read(bundle, resource, out).ifPresent(bytes -> findings.addAll(Linter.lint(source, bytes)));
            }
            for (String resource : bundle.resources(BundleFile.PROFILES_HEADER)) {
                String source = name + "!/" + resource;
                read(bundle, resource, out).ifPresent(bytes -> findings.addAll(Linter.lintProfile(source, bytes)));
            }
        } catch (IOException e) {
            out.error("", "not-a-bundle", "not a readable jar: " + e.getMessage());
        }
        List<Finding> all = new ArrayList<>(out.list());
        all.addAll(findings);
        return List.copyOf(all);
    }

    private static void checkHeaders(BundleFile bundle, FindingList out) {
        Optional<Attributes> manifest = bundle.manifest();
        if (manifest.isEmpty()) {
            out.error("", "not-a-bundle", "the jar has no META-INF/MANIFEST.MF");
            return;
        }
        if (!"2".equals(bundle.header("Bundle-ManifestVersion").orElse(""))) {
            out.error("", "not-a-bundle", "the manifest lacks Bundle-ManifestVersion: 2, so it is not an OSGi bundle");
        }
        if (bundle.header("Bundle-SymbolicName").isEmpty()) {
            out.error("", "not-a-bundle", "the manifest has no Bundle-SymbolicName");
        }
        if (bundle.header("Bundle-Version").isEmpty()) {
            out.error("", "not-a-bundle", "the manifest has no Bundle-Version; the deployer requires one");
        }
        if (bundle.resources(CommandTables.HEADER).isEmpty()) {
            out.error("", "no-command-tables", "the manifest lists no command tables: name them in the "
                    + CommandTables.HEADER + " header");
        } else if (!bundle.header("Require-Capability").orElse("").contains(CommandTables.EXTENDER)) {
            out.warning("", "no-extender-requirement", "the bundle does not require the osgi.extender capability "
                    + CommandTables.EXTENDER + ", so it also resolves where no platform reads its tables: add "
                    + "Require-Capability: osgi.extender;filter:=\"(&(osgi.extender=" + CommandTables.EXTENDER
                    + ")(version>=1.0.0)(!(version>=2.0.0)))\"");
        }
    }

    private static Optional<byte[]> read(BundleFile bundle, String resource, FindingList out) {
        try {
            Optional<byte[]> bytes = bundle.read(resource);
            if (bytes.isEmpty()) {
                out.error("", "missing-resource", "the manifest lists " + resource + ", which is not in the jar");
            }
            return bytes;
        } catch (IOException e) {
            out.error("", "missing-resource", resource + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
