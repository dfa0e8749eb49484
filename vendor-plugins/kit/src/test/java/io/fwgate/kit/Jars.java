package io.fwgate.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Writes plugin jars for the tests: manifest headers and resources, as bnd would. */
final class Jars {
    static final String TABLE = "OSGI-INF/fwgate/acme.json";
    static final String PROFILE = "OSGI-INF/fwgate/acme-emulation.json";
    static final String EXTENDER = "osgi.extender;filter:=\"(&(osgi.extender=io.fwgate.commands)(version>=1.0.0)"
            + "(!(version>=2.0.0)))\"";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** @return the headers of a plugin listing {@link #TABLE}, without entries */
    static Jars plugin() {
        return new Jars().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", "com.acme.fwgate")
                .header("Bundle-Version", "1.0.0").header("Fwgate-Command-Tables", TABLE)
                .header("Require-Capability", EXTENDER);
    }

    Jars header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    Jars entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    /** Writes the jar, with a manifest when there are headers. */
    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            if (!headers.isEmpty()) {
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
                jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                manifest.write(jar);
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }
}
