package io.fwgate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Paths that clients started as other users (through setpriv) can reach. A checkout may sit under a
 * directory only its owner can enter ({@code mktemp -d} makes them 0700), so the launcher, the test classes
 * and the daemon's socket would be out of other users' reach there: what they need is copied into one
 * directory under the system temporary directory, mode 0755, removed when the test JVM exits.
 */
final class ReachableByOthers {
    private static Path area;

    private ReachableByOthers() {
    }

    /** @return a new directory, mode 0755, inside the shared area */
    static Path newDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(area(), prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /**
     * @param path a file or directory this user can read
     * @return {@code path} itself if every user can reach it, else a copy of it in the shared area
     */
    static synchronized Path copyIfHidden(Path path) throws IOException {
        Path real = path.toRealPath();
        if (everyoneCanEnter(real.getParent())) {
            return real;
        }
        Path copy = newDirectory("copy").resolve(real.getFileName());
        copyTree(real, copy);
        return copy;
    }

    private static boolean everyoneCanEnter(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static synchronized Path area() throws IOException {
        if (area == null) {
            area = Files.createTempDirectory("fwgate-it");
            Files.setPosixFilePermissions(area, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path removed = area;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(removed)));
        }
        return area;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
