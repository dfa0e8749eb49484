package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;

/**
 * One admin command as a handler sees it.
 *
 * @param nsid the namespace identifier, unsigned 32 bits
 * @param cdw command dwords 10 to 15, at index 0 to 5, each unsigned 32 bits
 * @param payload the host-to-controller data
 * @param dataLength the size of the host's buffer for controller-to-host data
 */
record NvmeInput(long nsid, long[] cdw, byte[] payload, int dataLength) {
    /** NSID FFFFFFFFh: all namespaces. */
    static final long ALL_NAMESPACES = 0xffff_ffffL;

    /**
     * @param n 10 to 15
     * @return command dword {@code n}
     */
    long cdw(int n) {
        return cdw[n - 10];
    }

    /** @return bits {@code high..low} of command dword {@code n} */
    int bits(int n, int high, int low) {
        return (int) ((cdw(n) >>> low) & ((1L << (high - low + 1)) - 1));
    }

    ByteBuffer le() {
        return Bytes.in(payload);
    }
}
