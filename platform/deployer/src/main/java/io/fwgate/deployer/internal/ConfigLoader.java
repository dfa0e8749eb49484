package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * Reads the trust configuration from the configuration directory; formats in {@code DEPLOYER.md}:
 * {@code trust.json} (signers, each naming a PEM file, usually under {@code trust/}, and its caps),
 * {@code revoked.json} (deny list), {@code vetted.json} (the vetted set) and {@code dev.json} (the dev
 * cap). Every file is optional; a missing trust store trusts no one.
 */
final class ConfigLoader {
    static final String TRUST = "trust.json";
    static final String REVOKED = "revoked.json";
    static final String VETTED = "vetted.json";
    static final String DEV = "dev.json";
    /** The usual home of the PEM files {@code trust.json} names. */
    static final String TRUST_DIR = "trust";

    private ConfigLoader() {
    }

    /**
     * @param configDir the configuration directory
     * @return the configuration
     * @throws InvalidConfigException naming the first file and member that is wrong
     */
    static TrustConfig load(Path configDir) throws InvalidConfigException {
        return new TrustConfig(signers(configDir), deny(configDir.resolve(REVOKED)),
                vetted(configDir.resolve(VETTED)), devCap(configDir.resolve(DEV)));
    }

    private static List<TrustedSigner> signers(Path configDir) throws InvalidConfigException {
        Path file = configDir.resolve(TRUST);
        Optional<JsonNode> root = ConfigJson.read(file);
        if (root.isEmpty()) {
            return List.of();
        }
        ConfigJson json = ConfigJson.in(file);
        json.only(root.get(), "/", Set.of("signers"));
        List<TrustedSigner> signers = new ArrayList<>();
        List<JsonNode> entries = json.array(root.get(), "/", "signers");
        for (int i = 0; i < entries.size(); i++) {
            signers.add(signer(json, configDir, entries.get(i), "/signers/" + i));
        }
        return signers;
    }

    private static TrustedSigner signer(ConfigJson json, Path configDir, JsonNode node, String where)
            throws InvalidConfigException {
        json.only(node, where, Set.of("name", "certificate", "max-level", "max-reach", "bundles", "not-before",
                "not-after"));
        String name = json.string(node, where, "name");
        Path pem = configDir.resolve(json.string(node, where, "certificate")).normalize();
        X509Certificate certificate = certificate(pem, json, where);
        Cap cap = cap(json, node, where, true);
        return new TrustedSigner(name, certificate, fingerprint(certificate), cap,
                json.strings(node, where, "bundles"), json.instant(node, where, "not-before"),
                json.instant(node, where, "not-after"));
    }

    private static Cap cap(ConfigJson json, JsonNode node, String where, boolean levelRequired)
            throws InvalidConfigException {
        Optional<String> level = levelRequired ? Optional.of(json.string(node, where, "max-level"))
                : json.optionalString(node, where, "max-level");
        Optional<String> reach = json.optionalString(node, where, "max-reach");
        try {
            return new Cap(level.map(Level::parse).orElse(Level.TELEMETRY), reach.map(Reach::parse).orElse(Reach.DEVICE));
        } catch (IllegalArgumentException e) {
            throw json.error(where, e.getMessage());
        }
    }

    private static X509Certificate certificate(Path pem, ConfigJson json, String where) throws InvalidConfigException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw json.error(where, "names the certificate " + pem + ", which cannot be read: " + e.getMessage());
        } catch (CertificateException e) {
            throw json.error(where, "names " + pem + ", which is not a PEM or DER X.509 certificate: " + e.getMessage());
        }
        if (certificates.size() != 1) {
            throw json.error(where, "names " + pem + ", which holds " + certificates.size()
                    + " certificates; give each trusted certificate its own entry");
        }
        return (X509Certificate) certificates.iterator().next();
    }

    private static DenyList deny(Path file) throws InvalidConfigException {
        Optional<JsonNode> root = ConfigJson.read(file);
        if (root.isEmpty()) {
            return DenyList.EMPTY;
        }
        ConfigJson json = ConfigJson.in(file);
        json.only(root.get(), "/", Set.of("certificates", "bundles"));
        return new DenyList(hashes(json, root.get(), "certificates"), hashes(json, root.get(), "bundles"));
    }

    private static Set<String> hashes(ConfigJson json, JsonNode root, String member) throws InvalidConfigException {
        Set<String> hashes = new HashSet<>();
        List<String> texts = json.strings(root, "/", member);
        for (int i = 0; i < texts.size(); i++) {
            hashes.add(json.sha256(texts.get(i), "/" + member + "/" + i));
        }
        return hashes;
    }

    private static Optional<VettedSet> vetted(Path file) throws InvalidConfigException {
        Optional<JsonNode> root = ConfigJson.read(file);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        ConfigJson json = ConfigJson.in(file);
        json.only(root.get(), "/", Set.of("bundles"));
        Set<VettedSet.Vetted> bundles = new HashSet<>();
        List<JsonNode> entries = json.array(root.get(), "/", "bundles");
        for (int i = 0; i < entries.size(); i++) {
            String where = "/bundles/" + i;
            JsonNode node = entries.get(i);
            json.only(node, where, Set.of("symbolic-name", "version", "sha256"));
            String version = json.string(node, where, "version");
            try {
                version = Version.parseVersion(version).toString();
            } catch (IllegalArgumentException e) {
                throw json.error(where, "'version' must be an OSGi version, not '" + version + "'");
            }
            bundles.add(new VettedSet.Vetted(json.string(node, where, "symbolic-name"), version,
                    json.sha256(json.string(node, where, "sha256"), where + "/sha256")));
        }
        return Optional.of(new VettedSet(bundles));
    }

    private static Cap devCap(Path file) throws InvalidConfigException {
        Optional<JsonNode> root = ConfigJson.read(file);
        if (root.isEmpty()) {
            return Cap.TELEMETRY;
        }
        ConfigJson json = ConfigJson.in(file);
        json.only(root.get(), "/", Set.of("max-level", "max-reach"));
        return cap(json, root.get(), "/", false);
    }

    /** @return the SHA-256 of the certificate's DER encoding, lower-case hex: what the deny list names */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Staging.sha256().digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }
}
