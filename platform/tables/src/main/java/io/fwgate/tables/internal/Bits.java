package io.fwgate.tables.internal;

/** Reads and writes little- or big-endian integers of 1 to 8 bytes in byte arrays. Stateless. */
public final class Bits {
    private Bits() {
    }

    /**
     * @param bytes a buffer holding {@code size} bytes at {@code offset}
     * @param offset where the integer starts
     * @param size its size in bytes, 1 to 8
     * @param bigEndian its byte order
     * @return its bits, zero-extended
     */
    public static long read(byte[] bytes, int offset, int size, boolean bigEndian) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int index = bigEndian ? offset + i : offset + size - 1 - i;
            value = (value << 8) | (bytes[index] & 0xffL);
        }
        return value;
    }

    /**
     * @param bytes a buffer with room for {@code size} bytes at {@code offset}
     * @param offset where the integer starts
     * @param size its size in bytes, 1 to 8
     * @param bigEndian its byte order
     * @param value the bits to store; bits above {@code size} bytes are dropped
     */
    public static void write(byte[] bytes, int offset, int size, boolean bigEndian, long value) {
        long rest = value;
        for (int i = 0; i < size; i++) {
            int index = bigEndian ? offset + size - 1 - i : offset + i;
            bytes[index] = (byte) rest;
            rest >>>= 8;
        }
    }

    /**
     * @param width a number of bits, 1 to 64
     * @return a mask of the {@code width} lowest bits
     */
    public static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /**
     * @param word the integer holding a bit field
     * @param shift the field's lowest bit
     * @param width the field's width in bits
     * @param value the field's new bits
     * @return {@code word} with the field replaced
     */
    public static long insert(long word, int shift, int width, long value) {
        long mask = mask(width) << shift;
        return (word & ~mask) | ((value << shift) & mask);
    }
}
