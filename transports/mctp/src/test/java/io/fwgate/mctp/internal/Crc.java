package io.fwgate.mctp.internal;

/**
 * The RFC 1662 FCS computed the slow way, one bit at a time, straight from its definition: shift right,
 * XOR the bit-reversed CCITT polynomial 8408h when a one falls out. Independent of {@link Fcs}'s table.
 */
final class Crc {
    private Crc() {
    }

    static int fcs(int... bytes) {
        int crc = 0xffff;
        for (int b : bytes) {
            crc ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return crc;
    }
}
