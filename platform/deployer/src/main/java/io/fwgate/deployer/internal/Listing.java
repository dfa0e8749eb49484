package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the deployer watches, as stamps: the jars of the deploy, curated and dev directories, and the
 * configuration files. Hidden files and {@code .part} files are being written and are renamed when
 * complete, so they are left out.
 */
final class Listing {
    private Listing() {
    }

    /**
     * @param settings the directories
     * @return the jars, or empty if a directory exists but cannot be listed now (its files are not gone)
     */
    static Optional<Map<Path, StableFiles.Stamp>> bundles(DeploySettings settings) {
        Map<Path, StableFiles.Stamp> listing = new HashMap<>();
        boolean listed = list(settings.deployDir(), listing, true);
        if (settings.devDir().isPresent()) {
            listed &= list(settings.devDir().get(), listing, true);
        }
        if (settings.curatedDir().isPresent()) {
            listed &= list(settings.curatedDir().get(), listing, true);
        }
        return listed ? Optional.of(listing) : Optional.empty();
    }

    /**
     * @param configDir the configuration directory
     * @return the trust store, deny list, vetted set and dev policy files, and everything under {@code trust/}
     */
    static Map<Path, StableFiles.Stamp> config(Path configDir) {
        Map<Path, StableFiles.Stamp> listing = new HashMap<>();
        for (String name : List.of(ConfigLoader.TRUST, ConfigLoader.REVOKED, ConfigLoader.VETTED, ConfigLoader.DEV)) {
            Path file = configDir.resolve(name);
            StableFiles.Stamp.of(file).ifPresent(stamp -> listing.put(file, stamp));
        }
        list(configDir.resolve(ConfigLoader.TRUST_DIR), listing, false);
        return listing;
    }

    /** @return false if the directory exists but could not be listed; a missing directory is empty */
    private static boolean list(Path dir, Map<Path, StableFiles.Stamp> listing, boolean jarsOnly) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".part"))
                    .filter(f -> !jarsOnly || f.getFileName().toString().endsWith(".jar"))
                    .forEach(f -> StableFiles.Stamp.of(f).ifPresent(stamp -> listing.put(f, stamp)));
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
