package io.fwgate.deployer.internal;

import java.util.Set;

/**
 * Revoked certificates and bundles, by SHA-256 (lower-case hex). A revoked certificate anywhere in a
 * signer's chain refuses the bundle; so does a revoked file hash. Immutable.
 *
 * @param certificates fingerprints of revoked certificates (of the DER encoding)
 * @param bundles hashes of revoked bundle files
 */
record DenyList(Set<String> certificates, Set<String> bundles) {
    static final DenyList EMPTY = new DenyList(Set.of(), Set.of());

    DenyList {
        certificates = Set.copyOf(certificates);
        bundles = Set.copyOf(bundles);
    }
}
