package io.fwgate.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jdk.security.jarsigner.JarSigner;

/**
 * A signer made for one run, trusted as an operator trusts a vendor: an EC key and self-signed certificate
 * from the JDK's keytool, whose certificate goes into a configuration directory's trust store
 * ({@code trust.json}, see the deployer's DEPLOYER.md) for bundles {@code io.fwgate.bench.*}, telemetry
 * at most. It writes plugin bundles (a manifest and one command table) and signs them with the JDK's
 * jar signer, as a vendor's build would.
 */
final class PluginSigner {
    private final PrivateKey key;
    private final CertPath chain;
    private final String pem;

    private PluginSigner(PrivateKey key, CertPath chain, String pem) {
        this.key = key;
        this.chain = chain;
        this.pem = pem;
    }

    /**
     * Makes the key.
     *
     * @param work where the key store is written
     * @return the signer
     */
    static PluginSigner create(Path work) throws IOException, InterruptedException,
            GeneralSecurityException {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
        Path store = work.resolve("bench-signer.p12");
        Files.deleteIfExists(store);
        keytool("-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=fwgate benchmark signer, O=fwgate benchmarks", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(password), "-keypass", new String(password));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        List<Certificate> certificates = List.of(keys.getCertificateChain("bench"));
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificates.get(0).getEncoded()) + "\n-----END CERTIFICATE-----\n";
        return new PluginSigner((PrivateKey) keys.getKey("bench", password),
                CertificateFactory.getInstance("X.509").generateCertPath(certificates), pem);
    }

    /**
     * Trusts this signer in a configuration directory, for bundles {@code io.fwgate.bench.*}, telemetry at most.
     *
     * @param configDir the configuration directory a daemon will read
     */
    void trustIn(Path configDir) throws IOException {
        Files.writeString(Files.createDirectories(configDir.resolve("trust")).resolve("bench.pem"), pem);
        Files.writeString(configDir.resolve("trust.json"), "{\"signers\": [{\"name\": \"bench\", \"certificate\":"
                + " \"trust/bench.pem\", \"max-level\": \"telemetry\", \"bundles\": [\"io.fwgate.bench.*\"]}]}\n");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool could not make the benchmark's signing key: " + output);
        }
    }

    /**
     * Writes a signed plugin bundle.
     *
     * @param target the jar to write
     * @param symbolicName the bundle's symbolic name
     * @param version its version
     * @param table its one command table
     */
    void writePlugin(Path target, String symbolicName, String version, String table)
            throws IOException, GeneralSecurityException {
        String manifest = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + symbolicName
                + "\r\nBundle-Version: " + version + "\r\nFwgate-Command-Tables: OSGI-INF/fwgate/table.json\r\n"
                + "Require-Capability: osgi.extender;filter:=\"(&(osgi.extender=io.fwgate.commands)"
                + "(version>=1.0.0)(!(version>=2.0.0)))\"\r\n\r\n";
        Path unsigned = target.resolveSibling(target.getFileName() + ".unsigned");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("OSGI-INF/fwgate/table.json"));
            out.write(table.getBytes(StandardCharsets.UTF_8));
        }
        try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(target)) {
            new JarSigner.Builder(key, chain).digestAlgorithm("SHA-256").build().sign(in, out);
        } finally {
            Files.delete(unsigned);
        }
    }
}
