package io.fwgate.deployer.internal;

/**
 * Bounds on what the deployer reads from a dropped file, so garbage, huge files and zip bombs are refused
 * with a reason while memory stays bounded. Immutable.
 *
 * @param maxFileBytes the largest file accepted
 * @param maxEntries the most zip entries
 * @param maxTotalBytes the most bytes all entries may inflate to together
 * @param maxRatio the most the entries may inflate to, as a multiple of the file's size
 * @param maxMetadataBytes the most one {@code META-INF/} entry or command table may inflate to: the JDK
 *        reads the manifest and signature files whole into memory
 */
record Limits(long maxFileBytes, int maxEntries, long maxTotalBytes, int maxRatio, int maxMetadataBytes) {
    static final Limits DEFAULT = new Limits(32L << 20, 10_000, 256L << 20, 100, 1 << 20);

    Limits {
        if (maxFileBytes <= 0 || maxEntries <= 0 || maxTotalBytes <= 0 || maxRatio <= 0 || maxMetadataBytes <= 0) {
            throw new IllegalArgumentException("deployer limits must be positive: " + maxFileBytes + ", "
                    + maxEntries + ", " + maxTotalBytes + ", " + maxRatio + ", " + maxMetadataBytes);
        }
    }
}
