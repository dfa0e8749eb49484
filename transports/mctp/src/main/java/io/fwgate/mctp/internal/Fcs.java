package io.fwgate.mctp.internal;

/**
 * The frame check sequence of the MCTP serial binding (DSP0253): the 16-bit FCS of RFC 1662 (CRC-16-CCITT,
 * polynomial x^16 + x^12 + x^5 + 1 processed least significant bit first, initial value FFFFh), over the
 * revision byte, the byte count and the unescaped packet. As OpenBMC libmctp and Linux mctp-serial do, the
 * value is sent as computed (no final complement), high byte first.
 */
final class Fcs {
    static final int INITIAL = 0xffff;
    /** x^16 + x^12 + x^5 + 1, bit-reversed for least-significant-bit-first processing. */
    private static final int POLYNOMIAL_REVERSED = 0x8408;
    private static final int[] TABLE = table();

    private Fcs() {
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int b = 0; b < 256; b++) {
            int value = b;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 1) != 0 ? (value >>> 1) ^ POLYNOMIAL_REVERSED : value >>> 1;
            }
            table[b] = value;
        }
        return table;
    }

    /**
     * @param fcs the FCS so far, {@link #INITIAL} to start
     * @param bytes the data
     * @param offset where the data starts
     * @param length how many bytes
     * @return the FCS including the data
     */
    static int update(int fcs, byte[] bytes, int offset, int length) {
        int value = fcs;
        for (int i = offset; i < offset + length; i++) {
            value = (value >>> 8) ^ TABLE[(value ^ bytes[i]) & 0xff];
        }
        return value;
    }
}
