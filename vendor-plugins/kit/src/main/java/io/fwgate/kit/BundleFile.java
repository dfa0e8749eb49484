package io.fwgate.kit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A plugin jar read as data: its manifest headers and its resources, never its classes. Reads at most
 * {@value #MAX_RESOURCE} bytes (plus one, to tell a larger one) of any entry. Not thread-safe.
 */
final class BundleFile implements AutoCloseable {
    /** The largest manifest or resource read, as the platform's limit for tables: 1 MiB. */
    static final int MAX_RESOURCE = 1 << 20;
    /** The header listing emulation profiles, read by the emulator bundle. */
    static final String PROFILES_HEADER = "Fwgate-Emulator-Profiles";

    private final ZipFile zip;
    private final Optional<Attributes> manifest;

    private BundleFile(ZipFile zip, Optional<Attributes> manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    /**
     * @param jar a jar file
     * @return the open jar
     * @throws IOException if it is not a zip file or cannot be read; or its manifest is larger than 1 MiB
     *         or not a manifest
     */
    static BundleFile open(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        try {
            Optional<byte[]> bytes = read(zip, JarFile.MANIFEST_NAME);
            if (bytes.isPresent() && bytes.get().length > MAX_RESOURCE) {
                throw new IOException("its manifest is larger than 1 MiB");
            }
            Optional<Attributes> main = Optional.empty();
            if (bytes.isPresent()) {
                main = Optional.of(new Manifest(new ByteArrayInputStream(bytes.get())).getMainAttributes());
            }
            return new BundleFile(zip, main);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** @return the manifest's main headers, empty if the jar has no manifest */
    Optional<Attributes> manifest() {
        return manifest;
    }

    /**
     * @param name a manifest header
     * @return its value, empty if it is absent or blank
     */
    Optional<String> header(String name) {
        return manifest.map(m -> m.getValue(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * @param name a manifest header listing resources, comma separated, as {@code Fwgate-Command-Tables}
     * @return the resources it lists, in order; empty if the header is absent
     */
    List<String> resources(String name) {
        List<String> resources = new ArrayList<>();
        for (String part : header(name).orElse("").split(",")) {
            if (!part.isBlank()) {
                resources.add(part.trim());
            }
        }
        return resources;
    }

    /**
     * @param resource a resource path, as a manifest header names it (a leading {@code /} is allowed)
     * @return its first {@value #MAX_RESOURCE} + 1 bytes, empty if the jar has no such entry
     * @throws IOException if it cannot be read
     */
    Optional<byte[]> read(String resource) throws IOException {
        return read(zip, resource.startsWith("/") ? resource.substring(1) : resource);
    }

    private static Optional<byte[]> read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(in.readNBytes(MAX_RESOURCE + 1));
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
