package io.fwgate.deployer.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the trust store: a signer certificate (or a CA that issues signer certificates) and what
 * bundles it signs may do. Immutable.
 *
 * @param name a label for messages and the audit log
 * @param certificate the trusted certificate
 * @param fingerprint the certificate's SHA-256, lower-case hex
 * @param cap the most its bundles' commands may need
 * @param bundles symbolic names it may sign: exact names, or a prefix ending in {@code .*}; empty for any
 * @param notBefore trust starts here, if set
 * @param notAfter trust ends here, if set
 */
record TrustedSigner(String name, X509Certificate certificate, String fingerprint, Cap cap, List<String> bundles,
        Optional<Instant> notBefore, Optional<Instant> notAfter) {
    TrustedSigner {
        bundles = List.copyOf(bundles);
    }

    /** @return true if this signer may sign a bundle of that symbolic name */
    boolean maySign(String symbolicName) {
        if (bundles.isEmpty()) {
            return true;
        }
        for (String pattern : bundles) {
            boolean prefix = pattern.endsWith(".*");
            if (prefix ? symbolicName.startsWith(pattern.substring(0, pattern.length() - 1))
                    : symbolicName.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
