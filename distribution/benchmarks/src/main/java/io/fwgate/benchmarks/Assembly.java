package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The assembled runtime the whole-process measurements drive ({@code distribution/runtime/target/fwgate})
 * and the {@code fwgate} script users run. Immutable.
 *
 * @param dir the assembly
 * @param script the script at the source tree's root
 */
record Assembly(Path dir, Path script) {

    Path launcher() {
        return dir.resolve("fwgate-launcher.jar");
    }

    /** @return why the assembly cannot be driven, if it cannot */
    Optional<String> missing() {
        if (!Files.isRegularFile(launcher())) {
            return Optional.of(launcher() + " is missing (build distribution/runtime)");
        }
        if (!Files.isExecutable(script)) {
            return Optional.of(script + " is missing or not executable");
        }
        return Optional.empty();
    }

    /** @return the command line that starts fwgate as a user types it */
    List<String> viaScript() {
        return List.of(script.toString());
    }

    /**
     * @param java the {@code java} executable
     * @param flags JVM flags
     * @return the command line that starts the launcher directly with those flags
     */
    List<String> viaJava(String java, List<String> flags) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.addAll(List.of("-jar", launcher().toString()));
        return command;
    }

    /**
     * Copies the assembly and the script into a tree of their own, without archives a run made: the
     * script finds the assembly beside itself, and keeps one archive per tree.
     *
     * @param tree an empty directory
     * @return the copy
     * @throws IOException if it cannot be written
     */
    Assembly copy(Path tree) throws IOException {
        Path to = tree.resolve("distribution/runtime/target/fwgate");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(dir.relativize(file).toString());
                String name = file.getFileName().toString();
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!name.startsWith("fwgate.")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path copied = Files.copy(script, tree.resolve(script.getFileName().toString()),
                StandardCopyOption.COPY_ATTRIBUTES);
        return new Assembly(to, copied);
    }

    /** @return this JVM's {@code java}, the one the script finds on a machine like this */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
