package io.fwgate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** @return this JVM's {@code java}, the one the script finds on a machine like this */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
