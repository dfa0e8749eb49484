package io.fwgate.tables.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The bits one request field occupies: bytes of the payload, or bits of a transport parameter. Integer
 * fields occupy only their (bit field's) bits, so several bit fields may share an integer.
 */
final class Occupancy {
    private final Optional<String> param;
    private final long start;
    private final long end;
    /** The integer bits occupied; empty for fields that occupy their bytes whole. */
    private final Set<Long> bits;

    private Occupancy(Optional<String> param, long start, long end, Set<Long> bits) {
        this.param = param;
        this.start = start;
        this.end = end;
        this.bits = bits;
    }

    /**
     * @param f a request field
     * @return the bits it occupies; a variable field occupies everything from its offset on
     */
    static Occupancy of(RequestField f) {
        if (f.isParam()) {
            return new Occupancy(f.param(), 0, RequestField.PARAM_BITS / 8, absoluteBits(f, 0, 4, false));
        }
        long end = f.isVariable() ? Long.MAX_VALUE : f.offset() + (long) f.length();
        Set<Long> bits = f.type().isInteger() ? absoluteBits(f, f.offset(), f.type().size(), f.bigEndian()) : Set.of();
        return new Occupancy(Optional.empty(), f.offset(), end, bits);
    }

    /**
     * @param other another field's occupancy
     * @return true if the two share a bit
     */
    boolean overlaps(Occupancy other) {
        if (!param.equals(other.param) || start >= other.end || other.start >= end) {
            return false;
        }
        if (bits.isEmpty() || other.bits.isEmpty()) {
            return true; // bytes, strings and UUIDs occupy whole bytes
        }
        return bits.stream().anyMatch(other.bits::contains);
    }

    /** Numbers bits as byte index * 8 + bit in byte, so fields of any size and byte order compare. */
    private static Set<Long> absoluteBits(RequestField f, long offset, int size, boolean bigEndian) {
        Set<Long> set = new HashSet<>();
        for (int b = f.shift(); b < f.shift() + f.valueBits(); b++) {
            long index = bigEndian ? offset + size - 1 - b / 8 : offset + b / 8;
            set.add(index * 8 + b % 8);
        }
        return set;
    }
}
