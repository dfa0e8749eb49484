package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Private copies of dropped files. Everything after staging (verification, installation, later
 * re-verification on a trust change) reads the copy, so a file rewritten in the deploy directory cannot
 * differ between the check and the install. Used by the deployer's one thread.
 */
final class Staging {
    /** A staged copy and the SHA-256 of its bytes. */
    record Staged(Path file, String sha256, long size) {
    }

    private final Path directory;
    private final long maxBytes;

    /**
     * @param directory where copies go; created owner-only if missing
     * @param maxBytes the largest file copied
     */
    Staging(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /**
     * Copies {@code source}, reading at most one byte more than the maximum, so a huge file costs no more
     * than the maximum in disk and time.
     *
     * @param source the dropped file
     * @return the copy
     * @throws Refusal {@link Reason#TOO_LARGE} or {@link Reason#UNREADABLE}
     */
    Staged stage(Path source) throws Refusal {
        Path copy = null;
        try {
            createDirectory();
            copy = Files.createTempFile(directory, "staged-", ".jar");
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(copy)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new Refusal(Reason.TOO_LARGE, "larger than the maximum of " + maxBytes + " bytes");
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Staged staged = new Staged(copy, HexFormat.of().formatHex(sha.digest()), size);
            copy = null;
            return staged;
        } catch (IOException e) {
            throw new Refusal(Reason.UNREADABLE, "cannot be read: " + e.getMessage());
        } finally {
            if (copy != null) {
                discard(copy);
            }
        }
    }

    /** @param staged a copy no longer needed; a copy that cannot be deleted is left for the next start */
    void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // the staging directory is emptied at the next start; nothing reads a discarded copy
        }
    }

    /** Removes copies left by an earlier run: nothing installed from them is tracked any more. */
    void clear() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
