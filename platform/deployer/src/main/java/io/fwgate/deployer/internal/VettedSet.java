package io.fwgate.deployer.internal;

import java.util.Set;

/**
 * The exact bundles a distribution curated; when a vetted set exists, nothing else runs (dev bundles
 * aside). Immutable.
 *
 * @param bundles the vetted bundles
 */
record VettedSet(Set<Vetted> bundles) {
    /**
     * One vetted bundle.
     *
     * @param symbolicName its symbolic name
     * @param version its version, normalized
     * @param sha256 the SHA-256 of its file, lower-case hex
     */
    record Vetted(String symbolicName, String version, String sha256) {
    }

    VettedSet {
        bundles = Set.copyOf(bundles);
    }

    boolean contains(BundleHeaders headers, String sha256) {
        return bundles.contains(new Vetted(headers.symbolicName(), headers.version(), sha256));
    }
}
