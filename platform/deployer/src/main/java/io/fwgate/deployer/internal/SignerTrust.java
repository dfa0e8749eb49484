package io.fwgate.deployer.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the trust store vouches for a bundle's signer: a trusted certificate is the signer's
 * own or a CA in (or directly above) its chain; no certificate of the chain is revoked or outside its
 * validity now; the trust entry's own window is open; and the entry may sign that symbolic name.
 * Certificates are judged at the time of the check, not at a signing timestamp: a signer whose
 * certificate expired must re-sign. Thread-safe.
 */
final class SignerTrust {
    /** The trust entry that vouched, and the signer's own certificate. */
    record Accepted(TrustedSigner signer, X509Certificate certificate) {
        String describe() {
            return "'" + signer.name() + "' (" + certificate.getSubjectX500Principal() + ")";
        }
    }

    private SignerTrust() {
    }

    /**
     * @param signers each signer's certificate path with the first entry it did not sign, if any;
     *        those who signed everything first
     * @param symbolicName the bundle's symbolic name
     * @param config the trust configuration
     * @param now the time to judge validity at
     * @return the first signer and trust entry that pass
     * @throws Refusal the most specific reason found, {@link Reason#UNTRUSTED_SIGNER} only if nothing
     *         more specific applies
     */
    static Accepted decide(Map<CertPath, Optional<String>> signers, String symbolicName, TrustConfig config,
            Instant now) throws Refusal {
        Refusal best = null;
        for (Map.Entry<CertPath, Optional<String>> signer : signers.entrySet()) {
            try {
                Accepted accepted = decide(signer.getKey(), symbolicName, config, now);
                if (signer.getValue().isPresent()) {
                    throw new Refusal(Reason.UNSIGNED_ENTRIES, "the entry " + signer.getValue().get()
                            + " is not signed by the trusted signer " + accepted.describe());
                }
                return accepted;
            } catch (Refusal refusal) {
                if (best == null || best.reason() == Reason.UNTRUSTED_SIGNER) {
                    best = refusal;
                }
            }
        }
        if (best == null) {
            throw new Refusal(Reason.UNSIGNED, "the bundle has no signer");
        }
        throw best;
    }

    private static Accepted decide(CertPath path, String symbolicName, TrustConfig config, Instant now)
            throws Refusal {
        List<X509Certificate> chain = chain(path);
        revoked(chain, config.deny());
        Refusal first = null;
        for (TrustedSigner signer : config.signers()) {
            int anchor = anchorIndex(chain, signer.certificate());
            if (anchor < 0) {
                continue;
            }
            try {
                return accept(chain, anchor, signer, symbolicName, config.deny(), now);
            } catch (Refusal refusal) {
                first = first == null ? refusal : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new Refusal(Reason.UNTRUSTED_SIGNER, "signed by " + chain.get(0).getSubjectX500Principal()
                + " (issued by " + chain.get(chain.size() - 1).getIssuerX500Principal()
                + "), which the trust store does not hold");
    }

    private static Accepted accept(List<X509Certificate> chain, int anchor, TrustedSigner signer, String symbolicName,
            DenyList deny, Instant now) throws Refusal {
        if (deny.certificates().contains(signer.fingerprint())) {
            throw new Refusal(Reason.REVOKED_CERTIFICATE, "the trusted certificate of '" + signer.name()
                    + "' is revoked (sha256 " + signer.fingerprint() + ")");
        }
        signedBy(chain, anchor, signer);
        List<X509Certificate> judged = new ArrayList<>(chain.subList(0, anchor));
        judged.add(signer.certificate());
        for (X509Certificate certificate : judged) {
            valid(certificate, now);
        }
        if (anchor > 0) {
            validates(chain.subList(0, anchor), signer, now);
        }
        if (signer.notBefore().isPresent() && now.isBefore(signer.notBefore().get())) {
            throw new Refusal(Reason.TRUST_NOT_YET_VALID, "the trust store trusts '" + signer.name() + "' only from "
                    + signer.notBefore().get());
        }
        if (signer.notAfter().isPresent() && now.isAfter(signer.notAfter().get())) {
            throw new Refusal(Reason.TRUST_EXPIRED, "the trust store trusted '" + signer.name() + "' only until "
                    + signer.notAfter().get());
        }
        if (!signer.maySign(symbolicName)) {
            throw new Refusal(Reason.OUTSIDE_SIGNER_SCOPE, "'" + signer.name() + "' may sign only "
                    + String.join(", ", signer.bundles()) + ", not " + symbolicName);
        }
        return new Accepted(signer, chain.get(0));
    }

    /** Each certificate up to the anchor is signed by the next: the chain is real before its dates matter. */
    private static void signedBy(List<X509Certificate> chain, int anchor, TrustedSigner signer) throws Refusal {
        for (int i = 0; i < anchor; i++) {
            X509Certificate issuer = i + 1 == anchor ? signer.certificate() : chain.get(i + 1);
            try {
                chain.get(i).verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new Refusal(Reason.UNTRUSTED_SIGNER, "the certificate " + chain.get(i).getSubjectX500Principal()
                        + " is not signed by the trusted '" + signer.name() + "' certificate's key");
            }
        }
    }

    private static void revoked(List<X509Certificate> chain, DenyList deny) throws Refusal {
        for (X509Certificate certificate : chain) {
            String fingerprint = ConfigLoader.fingerprint(certificate);
            if (deny.certificates().contains(fingerprint)) {
                throw new Refusal(Reason.REVOKED_CERTIFICATE, "the certificate " + certificate.getSubjectX500Principal()
                        + " in the signer's chain is revoked (sha256 " + fingerprint + ")");
            }
        }
    }

    private static void valid(X509Certificate certificate, Instant now) throws Refusal {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new Refusal(Reason.CERTIFICATE_EXPIRED, "the certificate " + certificate.getSubjectX500Principal()
                    + " expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new Refusal(Reason.CERTIFICATE_NOT_YET_VALID, "the certificate "
                    + certificate.getSubjectX500Principal() + " is valid only from "
                    + certificate.getNotBefore().toInstant());
        }
    }

    /** PKIX from the signer up to the trusted CA; revocation is the deny list's job, checked above. */
    private static void validates(List<X509Certificate> path, TrustedSigner signer, Instant now) throws Refusal {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(signer.certificate(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            throw new Refusal(Reason.UNTRUSTED_SIGNER, "the signer " + path.get(0).getSubjectX500Principal()
                    + " does not chain to the trusted CA '" + signer.name() + "': " + e.getMessage());
        }
    }

    /**
     * @return where the trusted certificate sits in the chain; the chain's size if it issued the chain's
     *         last certificate; -1 if it is not part of this chain
     */
    private static int anchorIndex(List<X509Certificate> chain, X509Certificate trusted) {
        int index = chain.indexOf(trusted);
        if (index >= 0) {
            return index;
        }
        X509Certificate last = chain.get(chain.size() - 1);
        return last.getIssuerX500Principal().equals(trusted.getSubjectX500Principal()) ? chain.size() : -1;
    }

    private static List<X509Certificate> chain(CertPath path) {
        return path.getCertificates().stream().map(X509Certificate.class::cast).toList();
    }
}
