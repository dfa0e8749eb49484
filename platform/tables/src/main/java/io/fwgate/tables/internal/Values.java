package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the bits of one integer response field into the value shown. Stateless. */
final class Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * @param f an integer field
     * @param bits its value bits, zero-extended (a bit field already shifted down)
     * @return a special string, a Boolean, an enum name, a list of flag names, or the scaled number as a
     *         Long (a BigInteger when it does not fit)
     */
    static Object of(ResponseField f, long bits) {
        if (plainNumber(f)) {
            long value = f.type().signed() ? signExtend(bits, f.valueBits()) : bits;
            if (f.type().signed() || value >= 0) {
                return value;
            }
        }
        BigInteger raw = Decoder.unsigned(bits);
        // tables may key a value by its bit pattern (0xffff) or as a signed number (-1)
        BigInteger signed = signExtend(raw, f.valueBits());
        String special = named(f.special(), raw, signed);
        if (special != null) {
            return special;
        }
        if (f.bool()) {
            return bits != 0;
        }
        if (!f.enumNames().isEmpty()) {
            String name = named(f.enumNames(), raw, signed);
            return name != null ? name : "unknown (0x" + raw.toString(16) + ")";
        }
        if (!f.flagNames().isEmpty()) {
            return flags(f, bits);
        }
        BigInteger value = f.type().signed() ? signed : raw;
        return narrow(value.multiply(f.scale()).add(f.bias()));
    }

    /** Most fields are numbers shown as they are: no names, no scale, no bias, so no BigInteger either. */
    private static boolean plainNumber(ResponseField f) {
        return f.special().isEmpty() && !f.bool() && f.enumNames().isEmpty() && f.flagNames().isEmpty()
                && f.bias().signum() == 0 && f.scale().equals(BigInteger.ONE);
    }

    private static long signExtend(long bits, int width) {
        return width >= Long.SIZE ? bits : bits << (Long.SIZE - width) >> (Long.SIZE - width);
    }

    private static String named(Map<BigInteger, String> names, BigInteger raw, BigInteger signed) {
        String name = names.get(raw);
        return name != null ? name : names.get(signed);
    }

    private static List<String> flags(ResponseField f, long bits) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < f.valueBits(); bit++) {
            if ((bits >>> bit & 1) != 0) {
                names.add(f.flagNames().getOrDefault(bit, "bit-" + bit));
            }
        }
        return names;
    }

    private static BigInteger signExtend(BigInteger raw, int bits) {
        return raw.testBit(bits - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(bits)) : raw;
    }

    private static Object narrow(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
    }
}
