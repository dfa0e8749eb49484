package io.fwgate.deployer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import io.fwgate.api.CommandTables;

/**
 * The manifest headers the deployer decides on. Immutable.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without its directives
 * @param version {@code Bundle-Version}, normalized
 * @param tables the resources named by {@code Fwgate-Command-Tables}, possibly none
 */
record BundleHeaders(String symbolicName, String version, List<String> tables) {
    BundleHeaders {
        tables = List.copyOf(tables);
    }

    /**
     * @param manifest a jar's manifest, or null if it has none
     * @return its bundle headers
     * @throws Refusal {@link Reason#NOT_A_BUNDLE} if it is not an OSGi R4+ bundle manifest
     */
    static BundleHeaders of(Manifest manifest) throws Refusal {
        if (manifest == null) {
            throw new Refusal(Reason.NOT_A_BUNDLE, "the jar has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        if (!"2".equals(trimmed(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw new Refusal(Reason.NOT_A_BUNDLE, "the manifest has no Bundle-ManifestVersion: 2");
        }
        String name = trimmed(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        int directives = name.indexOf(';');
        name = (directives < 0 ? name : name.substring(0, directives)).trim();
        if (name.isEmpty()) {
            throw new Refusal(Reason.NOT_A_BUNDLE, "the manifest has no Bundle-SymbolicName");
        }
        String version = trimmed(main.getValue(Constants.BUNDLE_VERSION));
        try {
            version = Version.parseVersion(version).toString();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.NOT_A_BUNDLE, "Bundle-Version '" + version + "' is not a version");
        }
        List<String> tables = new ArrayList<>();
        for (String part : trimmed(main.getValue(CommandTables.HEADER)).split(",")) {
            if (!part.isBlank()) {
                tables.add(part.trim());
            }
        }
        return new BundleHeaders(name, version, tables);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
