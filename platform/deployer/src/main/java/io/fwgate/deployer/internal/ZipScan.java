package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The first look at a staged file, before {@link java.util.jar.JarFile} reads anything whole: inflates
 * every entry once, counting the bytes it really produces (the sizes a zip declares can lie), and stops
 * at the first limit passed. Memory stays at one buffer whatever the file holds.
 */
final class ZipScan {
    private static final int BUFFER = 64 * 1024;

    private ZipScan() {
    }

    /**
     * @param file the staged file
     * @param size its size in bytes
     * @param limits the bounds
     * @throws Refusal {@link Reason#NOT_A_BUNDLE} for an empty file, not a zip, or duplicate entry names;
     *         {@link Reason#ZIP_BOMB} for a limit passed
     */
    static void check(Path file, long size, Limits limits) throws Refusal {
        if (size == 0) {
            throw new Refusal(Reason.NOT_A_BUNDLE, "the file is empty");
        }
        long allowed = Math.min(limits.maxTotalBytes(), Math.multiplyExact(Math.max(size, 1), limits.maxRatio()));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new Refusal(Reason.ZIP_BOMB, "it has " + zip.size() + " entries, more than the maximum of "
                        + limits.maxEntries());
            }
            Set<String> names = new HashSet<>();
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (!names.add(entry.getName())) {
                    throw new Refusal(Reason.NOT_A_BUNDLE, "the entry " + entry.getName() + " appears twice");
                }
                total += inflate(zip, entry, buffer, allowed - total, limits);
            }
        } catch (IOException | RuntimeException e) {
            // the staged copy is a local file: failing to read it means its content is not a sound zip
            throw new Refusal(Reason.NOT_A_BUNDLE, "not a valid zip or jar file (" + e.getMessage() + ")");
        }
    }

    private static long inflate(ZipFile zip, ZipEntry entry, byte[] buffer, long remaining, Limits limits)
            throws IOException, Refusal {
        boolean metadata = entry.getName().toUpperCase(Locale.ROOT).startsWith("META-INF/");
        long produced = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                produced += n;
                if (produced > remaining) {
                    throw new Refusal(Reason.ZIP_BOMB, "its entries inflate to more than " + limits.maxTotalBytes()
                            + " bytes or " + limits.maxRatio() + " times the file's size (at " + entry.getName() + ")");
                }
                if (metadata && produced > limits.maxMetadataBytes()) {
                    throw new Refusal(Reason.ZIP_BOMB, "the entry " + entry.getName() + " inflates to more than "
                            + limits.maxMetadataBytes() + " bytes");
                }
            }
        }
        return produced;
    }
}
