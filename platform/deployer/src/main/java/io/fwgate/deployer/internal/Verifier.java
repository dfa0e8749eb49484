package io.fwgate.deployer.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Decides, from a staged copy alone and before anything is installed, whether a bundle may run: not
 * revoked, a sound zip within limits, a bundle, signed in every entry by a trusted and valid signer
 * allowed to sign it (dev bundles skip the signature), in the vetted set if there is one, and every
 * command within the cap. Thread-safe.
 */
final class Verifier {
    /**
     * A bundle that may run. Immutable.
     *
     * @param headers its bundle headers
     * @param sha256 the SHA-256 of its file
     * @param signer who vouched for it; empty for a dev bundle
     * @param cap the cap its commands were checked against
     * @param commands how many commands its tables declare
     */
    record Verified(BundleHeaders headers, String sha256, Optional<SignerTrust.Accepted> signer, Cap cap,
            int commands) {
        boolean dev() {
            return signer.isEmpty();
        }

        String signerName() {
            return signer.map(SignerTrust.Accepted::describe).orElse("unsigned dev bundle");
        }
    }

    private final Limits limits;
    private final Clock clock;

    /**
     * @param limits bounds on what is read
     * @param clock judges certificate and trust validity
     */
    Verifier(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param staged the private copy
     * @param dev true for a bundle from the developer's directory: accepted unsigned, capped by the dev policy
     * @param config the trust configuration
     * @return the verified bundle
     * @throws Refusal why it may not run
     */
    Verified verify(Staging.Staged staged, boolean dev, TrustConfig config) throws Refusal {
        if (config.deny().bundles().contains(staged.sha256())) {
            throw new Refusal(Reason.REVOKED_BUNDLE, "the file's SHA-256 " + staged.sha256() + " is on the deny list");
        }
        ZipScan.check(staged.file(), staged.size(), limits);
        try (JarFile jar = new JarFile(staged.file().toFile(), !dev)) {
            BundleHeaders headers = BundleHeaders.of(jar.getManifest());
            try {
                return verify(jar, headers, staged.sha256(), dev, config);
            } catch (Refusal refusal) {
                throw refusal.about(headers);
            }
        } catch (SecurityException e) {
            throw new Refusal(Reason.TAMPERED, "the signature does not match the content (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            // ZipScan read every entry already: what fails now is structure the JDK's jar reader rejects
            throw new Refusal(Reason.NOT_A_BUNDLE, "not a readable jar (" + e + ")");
        }
    }

    private Verified verify(JarFile jar, BundleHeaders headers, String sha256, boolean dev, TrustConfig config)
            throws Refusal, IOException {
        Optional<SignerTrust.Accepted> signer = Optional.empty();
        Cap cap = config.devCap();
        if (!dev) {
            signer = Optional.of(SignerTrust.decide(SignatureCheck.signers(jar), headers.symbolicName(), config,
                    clock.instant()));
            cap = signer.get().signer().cap();
            vetted(config, headers, sha256);
        }
        int commands = TableCaps.check(jar, headers, cap, limits.maxMetadataBytes());
        return new Verified(headers, sha256, signer, cap, commands);
    }

    private static void vetted(TrustConfig config, BundleHeaders headers, String sha256) throws Refusal {
        if (config.vetted().isPresent() && !config.vetted().get().contains(headers, sha256)) {
            throw new Refusal(Reason.NOT_VETTED, headers.symbolicName() + " " + headers.version() + " (sha256 " + sha256
                    + ") is not in the vetted set");
        }
    }
}
