package io.fwgate.deployer.internal;

import java.util.List;
import java.util.Optional;

/**
 * Everything the deployer's decisions depend on, read together from the configuration directory so a
 * decision never mixes two versions of it. Immutable.
 *
 * @param signers the trust store
 * @param deny the deny list
 * @param vetted the vetted set, if the distribution has one
 * @param devCap the most a dev bundle's commands may need
 */
record TrustConfig(List<TrustedSigner> signers, DenyList deny, Optional<VettedSet> vetted, Cap devCap) {
    /** No signer trusted, nothing revoked, no vetted set: every signed bundle is refused as untrusted. */
    static final TrustConfig EMPTY = new TrustConfig(List.of(), DenyList.EMPTY, Optional.empty(), Cap.TELEMETRY);

    TrustConfig {
        signers = List.copyOf(signers);
    }
}
