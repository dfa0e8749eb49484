package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jdk.security.jarsigner.JarSigner;

/**
 * Bundle jars made at test time: built as plain zips, signed with the JDK's own {@code JarSigner} (what
 * the jarsigner tool and maven-jarsigner-plugin use), and tampered with by rewriting entries.
 */
final class TestJars {
    static final String TABLE = "OSGI-INF/fwgate/acme.json";
    static final String CLASS = "com/acme/fwgate/Decoder.class";

    private TestJars() {
    }

    /** @return a command of a table, as TABLE-FORMAT.md describes it */
    static String command(String name, String opcode, String level, String... effects) {
        String effectList = effects.length == 0 ? "" : "\"" + String.join("\", \"", effects) + "\"";
        return "{\"name\": \"" + name + "\", \"opcode\": \"" + opcode + "\", \"description\": \"a test command\","
                + " \"effects\": [" + effectList + "], \"level\": \"" + level + "\","
                + " \"request\": {\"size\": 0}, \"response\": {\"max-size\": 0, \"fields\": []}}";
    }

    /** @return a table for CXL memory devices with the given commands */
    static String table(String... commands) {
        return "{\"format\": 1, \"vendor\": \"Acme\", \"match\": {\"kinds\": [\"cxl-memory-device\"]},"
                + " \"commands\": [" + String.join(", ", commands) + "]}";
    }

    /** @return the manifest text of a bundle offering {@link #TABLE} */
    static String manifest(String symbolicName, String version) {
        return "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + symbolicName
                + "\r\nBundle-Version: " + version + "\r\nFwgate-Command-Tables: " + TABLE + "\r\n\r\n";
    }

    /** @return entries of a typical plugin: manifest, a class, a table */
    static Map<String, byte[]> plugin(String symbolicName, String version, String table) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", manifest(symbolicName, version).getBytes(StandardCharsets.UTF_8));
        entries.put(CLASS, new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61 });
        entries.put(TABLE, table.getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** @return a telemetry-only plugin's entries */
    static Map<String, byte[]> plugin(String symbolicName) {
        return plugin(symbolicName, "1.0.0", table(command("acme-read-counters", "0xc000", "telemetry")));
    }

    /** Writes the entries, in order, as a zip. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /**
     * Signs {@code unsigned} into {@code signed}, sending the identity's whole chain. The signature files
     * are named after the certificate's common name, so a second signer adds to the first.
     */
    static Path sign(Path unsigned, Path signed, TestPki.Identity signer) throws IOException {
        try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            JarSigner jarSigner = new JarSigner.Builder(signer.key(),
                    CertificateFactory.getInstance("X.509").generateCertPath(signer.chain()))
                    .digestAlgorithm("SHA-256").signerName(signerName(signer)).build();
            jarSigner.sign(in, out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return signed;
    }

    private static String signerName(TestPki.Identity signer) {
        String name = signer.certificate().getSubjectX500Principal().getName().replaceAll("[^A-Za-z0-9]", "")
                .toUpperCase(Locale.ROOT);
        return name.substring(2, Math.min(name.length(), 10));
    }

    /** @return the jar's entries, in order, as bytes */
    static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Rewrites a jar after a change to its entries: how an attacker would alter a signed bundle. */
    static Path rewrite(Path jar, Path out, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = read(jar);
        change.accept(entries);
        return zip(out, entries);
    }

    /** @return the text with {@code from} replaced by {@code to}, as bytes */
    static byte[] replace(byte[] text, String from, String to) {
        String original = new String(text, StandardCharsets.UTF_8);
        if (!original.contains(from)) {
            throw new IllegalArgumentException("no '" + from + "' in " + original);
        }
        return original.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
