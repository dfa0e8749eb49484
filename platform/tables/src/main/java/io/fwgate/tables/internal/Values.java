package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Turns the bits of one integer response field into the value shown. Stateless. */
final class Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * @param p an integer field's plan
     * @param bits its value bits, zero-extended (a bit field already shifted down)
     * @return a special string, a Boolean, an enum name, a list of flag names, or the scaled number as a
     *         Long (a BigInteger when it does not fit)
     */
    static Object of(FieldPlan p, long bits) {
        ResponseField f = p.field;
        if (p.plainNumber) {
            long value = f.type().signed() ? signExtend(bits, f.valueBits()) : bits;
            if (f.type().signed() || value >= 0) {
                return value;
            }
        }
        String special = p.special.get(bits);
        if (special != null) {
            return special;
        }
        if (f.bool()) {
            return bits != 0;
        }
        if (!p.enumNames.isEmpty()) {
            String name = p.enumNames.get(bits);
            return name != null ? name : "unknown (0x" + Long.toHexString(bits) + ")";
        }
        if (!f.flagNames().isEmpty()) {
            return flags(f, bits);
        }
        return scaled(f, bits);
    }

    private static Object scaled(ResponseField f, long bits) {
        long value = f.type().signed() ? signExtend(bits, f.valueBits()) : bits;
        boolean fitsLong = f.type().signed() || value >= 0;
        if (fitsLong && f.scale().bitLength() < Long.SIZE && f.bias().bitLength() < Long.SIZE) {
            try {
                return Math.addExact(Math.multiplyExact(value, f.scale().longValue()), f.bias().longValue());
            } catch (ArithmeticException overflow) {
                // wider than a long: computed below
            }
        }
        BigInteger number = fitsLong ? BigInteger.valueOf(value) : Decoder.unsigned(bits);
        return narrow(number.multiply(f.scale()).add(f.bias()));
    }

    private static long signExtend(long bits, int width) {
        return width >= Long.SIZE ? bits : bits << (Long.SIZE - width) >> (Long.SIZE - width);
    }

    /** The set bits, lowest first; {@code bits} holds only the field's value bits. */
    private static List<String> flags(ResponseField f, long bits) {
        List<String> names = new ArrayList<>(Long.bitCount(bits));
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            int bit = Long.numberOfTrailingZeros(rest);
            names.add(f.flagNames().getOrDefault(bit, "bit-" + bit));
        }
        return names;
    }

    private static Object narrow(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
    }
}
