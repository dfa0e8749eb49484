package io.fwgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the build's API baseline is real: a copy of this module with one method added to a
 * {@code @ConsumerType} interface (a major change to its package) must fail {@code mvn verify} with a
 * baseline error, because the package still says 1.0.0.
 */
class ApiBaselineTest {
    private static final Path MODULE = Path.of(System.getProperty("fwgate.api.dir", "."));

    @Test
    void addingAMethodToTheTransportSpiFailsTheBuild(@TempDir Path copy) throws Exception {
        copyModule(copy);
        Path transport = copy.resolve("api/src/main/java/io/fwgate/api/spi/Transport.java");
        String source = Files.readString(transport);
        Files.writeString(transport, source.replaceFirst("String scheme\\(\\);",
                "String scheme();\n\n    void close();"));

        Result result = maven(copy, "-Dmaven.test.skip=true", "verify");

        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output).contains("Baseline problems detected");
        assertThat(result.output).containsPattern("MAJOR +INTERFACE +io.fwgate.api.spi.Transport");
    }

    @Test
    void theUnchangedApiPassesItsBaseline(@TempDir Path copy) throws Exception {
        copyModule(copy);
        Result result = maven(copy, "-Dmaven.test.skip=true", "verify");
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("Baseline check succeeded");
    }

    /** The parent pom (reduced to this module) and this module's sources and baseline repository. */
    private static void copyModule(Path copy) throws IOException {
        Path root = MODULE.toAbsolutePath().getParent();
        String parent = Files.readString(root.resolve("pom.xml"));
        parent = parent.replaceAll("(?s)<modules>.*?</modules>", "<modules><module>api</module></modules>");
        Files.writeString(copy.resolve("pom.xml"), parent);
        for (String part : List.of("pom.xml", "src/main", "baseline-repo")) {
            copyTree(MODULE.resolve(part), copy.resolve("api").resolve(part));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result maven(Path dir, String... goals) throws Exception {
        String mavenHome = System.getProperty("maven.home");
        String mvn = mavenHome == null || mavenHome.isBlank() ? "mvn" : mavenHome + "/bin/mvn";
        List<String> command = new java.util.ArrayList<>(List.of(mvn, "-B", "-f", dir.resolve("pom.xml").toString()));
        command.addAll(List.of(goals));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
