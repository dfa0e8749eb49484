package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The persistent taint flag: set, durably, before a debug-write or debug-write-full command is sent, and
 * never cleared by fwgate. The file holds the first record that tainted the host.
 */
final class TaintFlag {
    static final String FILE = "taint";
    private final Path file;

    TaintFlag(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** @return what tainted the host, if it is tainted */
    Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unreadable taint flag " + file + " (" + e.getMessage() + "): assume tainted");
        }
    }

    /**
     * Marks the host tainted if it is not already.
     *
     * @param what the first cause, one line
     * @throws IOException if the flag could not be made durable; the command must not run then
     */
    synchronized void set(String what) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap((what + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
    }
}
