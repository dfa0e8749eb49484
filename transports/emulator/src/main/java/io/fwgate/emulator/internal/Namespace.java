package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;

/**
 * The controller's one namespace (NSID 1): 1 GiB with two LBA formats, 512-byte (format 0, in use at
 * start) and 4096-byte blocks, no metadata and no protection information. A quarter of it is in use
 * at start; Format NVM and a sanitize leave none in use. Guarded by the controller's lock.
 */
final class Namespace {
    static final long NSID = 1;
    static final long CAPACITY = 1L << 30;
    /** LBA data sizes as powers of two, by LBA format index. */
    static final int[] LBADS = {9, 12};
    /** Relative performance by format: 01b better for 512-byte blocks, 00b best for 4096. */
    static final int[] RELATIVE_PERFORMANCE = {1, 0};
    static final int IDENTIFY_SIZE = 4096;

    private int format;
    private long usedBytes = CAPACITY / 4;

    /** @return the number of LBA formats */
    static int formats() {
        return LBADS.length;
    }

    /** @return the namespace size in logical blocks of the current format */
    long blocks() {
        return CAPACITY >> LBADS[format];
    }

    /** Switches to LBA format {@code index}, deallocating every block. */
    void format(int index) {
        format = index;
        usedBytes = 0;
    }

    /** Deallocates every block, as a completed sanitize does. */
    void erase() {
        usedBytes = 0;
    }

    /**
     * Identify Namespace (CNS 00h): NSZE 0, NCAP 8, NUSE 16 (u64 blocks), NSFEAT 24, NLBAF 25 (0-based),
     * FLBAS 26 (bits 3:0 the format in use), NVMCAP 48 (16 bytes), LBAF[n] at 128 + 4n: u16 MS, u8
     * LBADS, u8 RP in bits 1:0.
     */
    byte[] identify() {
        ByteBuffer out = Bytes.out(IDENTIFY_SIZE)
                .putLong(0, blocks())
                .putLong(8, blocks())
                .putLong(16, usedBytes >> LBADS[format])
                .put(25, (byte) (formats() - 1))
                .put(26, (byte) format)
                .putLong(48, CAPACITY);
        for (int i = 0; i < formats(); i++) {
            out.put(128 + 4 * i + 2, (byte) LBADS[i]).put(128 + 4 * i + 3, (byte) RELATIVE_PERFORMANCE[i]);
        }
        return out.array();
    }
}
