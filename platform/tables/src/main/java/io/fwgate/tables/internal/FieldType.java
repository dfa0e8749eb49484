package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** The field types of the table format, with the size and range of the integer types. */
public enum FieldType {
    U8(1, false), U16(2, false), U32(4, false), U64(8, false),
    S8(1, true), S16(2, true), S32(4, true), S64(8, true),
    /** Raw bytes, given and shown as hex. */
    BYTES(0, false),
    /** ASCII text, NUL-padded. */
    STRING(0, false),
    /** A 16-byte UUID in the byte order CXL payloads use (big-endian, as Linux {@code uuid_t}). */
    UUID(16, false),
    /** A repeated group of fields (responses only). */
    ARRAY(0, false);

    private final int size;
    private final boolean signed;

    FieldType(int size, boolean signed) {
        this.size = size;
        this.signed = signed;
    }

    /** @return the name used in tables, e.g. {@code u16} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a type name as written in a table
     * @return the type, or empty if {@code id} names none
     */
    public static Optional<FieldType> parse(String id) {
        for (FieldType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** @return true for u8..u64 and s8..s64 */
    public boolean isInteger() {
        return this.ordinal() <= S64.ordinal();
    }

    /** @return true for s8..s64 */
    public boolean signed() {
        return signed;
    }

    /** @return the size in bytes of integers and UUIDs, 0 for the others */
    public int size() {
        return size;
    }

    /** @return the width in bits of an integer type */
    public int bits() {
        return size * 8;
    }

    /**
     * @param bits a width in bits, 1 to 64
     * @param signed whether the value is two's complement
     * @return the smallest value that fits
     */
    public static BigInteger min(int bits, boolean signed) {
        return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    }

    /**
     * @param bits a width in bits, 1 to 64
     * @param signed whether the value is two's complement
     * @return the largest value that fits
     */
    public static BigInteger max(int bits, boolean signed) {
        return BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
    }

    /**
     * @param value a number
     * @param bits a width in bits, 1 to 64
     * @return true if {@code value} fits {@code bits} bits read either as unsigned or as two's complement
     */
    public static boolean fitsEither(BigInteger value, int bits) {
        return value.compareTo(min(bits, true)) >= 0 && value.compareTo(max(bits, false)) <= 0;
    }

    /**
     * @param value a number that {@link #fitsEither fits} {@code bits} bits
     * @param bits a width in bits, 1 to 64
     * @return its bit pattern in {@code bits} bits, as an unsigned number
     */
    public static BigInteger pattern(BigInteger value, int bits) {
        return value.and(max(bits, false));
    }
}
