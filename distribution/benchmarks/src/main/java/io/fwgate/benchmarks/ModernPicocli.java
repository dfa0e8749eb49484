package io.fwgate.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An experiment for item 5, never shipped: a copy of the assembly whose picocli is compiled for Java 17
 * from picocli's published sources. The shipped picocli jar is compiled for Java 5 (class file 49), and
 * the JVM's class data sharing cannot archive such classes (pre-Java 6 classes, and classes without stack
 * maps that fail over to the old verifier), so every CLI run loads and verifies them again. The copy
 * shows what the CLI would gain if they could be archived.
 */
final class ModernPicocli {
    private ModernPicocli() {
    }

    /**
     * @param assembly the shipped assembly
     * @param sources picocli's sources jar, the same version as the shipped jar
     * @param work an empty directory for the copy
     * @return the copy
     * @throws IOException if the sources do not compile or the copy cannot be written
     */
    static Assembly build(Assembly assembly, Path sources, Path work) throws IOException {
        Path copy = work.resolve("fwgate");
        copyTree(assembly.dir(), copy);
        Path shipped;
        try (Stream<Path> jars = Files.list(copy.resolve("bundles"))) {
            shipped = jars.filter(jar -> jar.getFileName().toString().startsWith("picocli-")).findFirst()
                    .orElseThrow(() -> new IOException("the assembly has no picocli jar"));
        }
        Path classes = compile(sources, work);
        Path rebuilt = work.resolve("picocli.jar");
        try (ZipFile original = new ZipFile(shipped.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            copyResources(original, out);
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                }
            }
        }
        Files.move(rebuilt, shipped, StandardCopyOption.REPLACE_EXISTING);
        return new Assembly(copy, assembly.script());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".jsa")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Path compile(Path sources, Path work) throws IOException {
        Path src = work.resolve("picocli-src");
        List<String> javaFiles = new ArrayList<>();
        try (ZipFile zip = new ZipFile(sources.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".java") && !entry.getName().endsWith("package-info.java")) {
                    Path file = src.resolve(entry.getName());
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    javaFiles.add(file.toString());
                }
            }
        }
        Path classes = Files.createDirectories(work.resolve("picocli-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("this JVM has no Java compiler (a JRE, not a JDK)");
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-proc:none", "-Xlint:none", "-d",
                classes.toString()));
        args.addAll(javaFiles);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
            String text = diagnostics.toString(StandardCharsets.UTF_8);
            throw new IOException("picocli's sources " + sources + " did not compile for Java 17: "
                    + text.substring(Math.max(0, text.length() - 2000)));
        }
        return classes;
    }

    /** Everything but classes, and no version-specific entries: the manifest and resources stay. */
    private static void copyResources(ZipFile original, ZipOutputStream out) throws IOException {
        for (Enumeration<? extends ZipEntry> e = original.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (entry.isDirectory() || entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/versions/")) {
                continue;
            }
            out.putNextEntry(new ZipEntry(entry.getName()));
            try (InputStream in = original.getInputStream(entry)) {
                in.transferTo(out);
            }
        }
    }
}
