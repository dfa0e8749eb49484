package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made at test time with BouncyCastle (EC P-256: fast to generate). No private key
 * is ever written to the source tree.
 */
final class TestPki {
    /** The tests' "now": certificates are valid around it unless a test says otherwise. */
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final AtomicLong SERIAL = new AtomicLong(1);

    /**
     * A key and its certificate chain, leaf first.
     *
     * @param key the private key
     * @param chain the certificate and its issuers, as the signer sends them
     */
    record Identity(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }

        /** @return this identity with its issuer's certificate appended, as jarsigner sends a full chain */
        Identity withChain(Identity issuer) {
            List<X509Certificate> full = new ArrayList<>(chain);
            full.addAll(issuer.chain());
            return new Identity(key, full);
        }
    }

    private TestPki() {
    }

    static Identity ca(String name) {
        return create(name, null, NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)), true);
    }

    static Identity signer(String name) {
        return create(name, null, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)), false);
    }

    static Identity issued(String name, Identity issuer) {
        return create(name, issuer, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)), false);
    }

    /**
     * @param name the common name
     * @param issuer who signs the certificate, or null for self-signed
     * @param notBefore validity start
     * @param notAfter validity end
     * @param ca whether it may issue certificates
     */
    static Identity create(String name, Identity issuer, Instant notBefore, Instant notAfter, boolean ca) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + name + ", O=fwgate tests");
            X500Principal issuerName = issuer == null ? subject : issuer.certificate().getSubjectX500Principal();
            PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(notBefore), Date.from(notAfter), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
            return new Identity(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate for " + name, e);
        }
    }

    /** @return the certificate as PEM text */
    static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** Writes the certificate as {@code <dir>/trust/<file>} and returns the path relative to {@code dir}. */
    static String writePem(Path configDir, String file, X509Certificate certificate) throws IOException {
        Path trust = Files.createDirectories(configDir.resolve("trust"));
        Files.writeString(trust.resolve(file), pem(certificate), StandardCharsets.US_ASCII);
        return "trust/" + file;
    }

    /** @return the SHA-256 of the certificate's DER encoding, lower-case hex */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a trust store entry for the certificate */
    static TrustedSigner trusted(String name, Identity identity, Cap cap, String... bundles) {
        return new TrustedSigner(name, identity.certificate(), fingerprint(identity.certificate()), cap,
                List.of(bundles), Optional.empty(), Optional.empty());
    }
}
