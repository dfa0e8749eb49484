package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One field of a request layout, as read from a table. Immutable.
 *
 * @param name the argument name
 * @param type its type
 * @param offset where it starts in the payload; -1 for a transport parameter
 * @param param the transport parameter it is encoded into, or empty for a payload field
 * @param size bytes of a {@code bytes} or {@code string} field; -1 for the variable trailing field
 * @param bigEndian whether an integer is stored big-endian
 * @param shift the lowest bit of a bit field inside its integer (0 for whole integers)
 * @param width the width of a bit field; 0 for a whole integer
 * @param enumValues symbolic names and their values in table order, empty for plain numbers
 * @param min the smallest value the table allows, if it sets one
 * @param max the largest value the table allows, if it sets one
 * @param defaultText the value used when the caller gives none
 * @param constant the value always encoded; the field is then not an argument
 * @param description one line for humans, possibly empty
 */
public record RequestField(String name, FieldType type, int offset, Optional<String> param, int size,
        boolean bigEndian, int shift, int width, Map<String, BigInteger> enumValues, Optional<BigInteger> min,
        Optional<BigInteger> max, Optional<String> defaultText, Optional<String> constant, String description) {

    /** The largest 32-bit word a transport parameter holds. */
    public static final int PARAM_BITS = 32;

    public RequestField {
        enumValues = Collections.unmodifiableMap(new LinkedHashMap<>(enumValues));
    }

    /** @return true if the field goes into a transport parameter */
    public boolean isParam() {
        return param.isPresent();
    }

    /** @return true for the variable-length trailing {@code bytes} field */
    public boolean isVariable() {
        return type == FieldType.BYTES && size < 0;
    }

    /** @return true for a bit field inside an integer */
    public boolean isBitField() {
        return width > 0;
    }

    /** @return the number of bits the value has: the bit field's width or the integer's */
    public int valueBits() {
        return isBitField() ? width : type.bits();
    }

    /** @return the bytes the field occupies in the payload (0 for the variable field) */
    public int length() {
        if (type.isInteger() || type == FieldType.UUID) {
            return type.size();
        }
        return Math.max(size, 0);
    }
}
