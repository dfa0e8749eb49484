package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.tables.MetricField;

/**
 * One field of a response layout, as read from a table. Immutable.
 *
 * @param name the output name
 * @param type its type
 * @param source the transport value (e.g. {@code result}, NVMe completion dword 0) an integer field reads
 *        instead of the payload; empty for payload fields
 * @param offset where it starts, from the payload start or, inside an array, from the element start
 * @param size bytes of a {@code bytes} or {@code string} field; -1 for {@code bytes} to the end
 * @param bigEndian whether an integer is stored big-endian
 * @param shift the lowest bit of a bit field (0 for whole integers)
 * @param width the width of a bit field; 0 for a whole integer
 * @param scale multiplies the value
 * @param bias is added to the value after scaling
 * @param enumNames names by bit pattern of the value
 * @param flagNames names by bit number, in table order
 * @param bool whether the value is shown as true or false
 * @param special strings by bit pattern of the value, checked first
 * @param count how many elements an array has
 * @param stride the size of one array element
 * @param fields the fields of one array element
 * @param index the output name of each array element's position (0, 1, ...), if the table names one
 * @param description one line for humans, possibly empty
 * @param metric the metric the table marks this field as, if any (top-level integer fields only)
 */
public record ResponseField(String name, FieldType type, Optional<String> source, int offset, int size,
        boolean bigEndian, int shift, int width, BigInteger scale, BigInteger bias, Map<BigInteger, String> enumNames,
        Map<Integer, String> flagNames, boolean bool, Map<BigInteger, String> special, Optional<Count> count,
        int stride, List<ResponseField> fields, Optional<String> index, String description,
        Optional<MetricField> metric) {

    public ResponseField {
        enumNames = Collections.unmodifiableMap(new LinkedHashMap<>(enumNames));
        flagNames = Collections.unmodifiableMap(new LinkedHashMap<>(flagNames));
        special = Collections.unmodifiableMap(new LinkedHashMap<>(special));
        fields = List.copyOf(fields);
    }

    /**
     * How many elements an array has: a number, the value of an earlier integer field of the same level,
     * or as many whole elements as fit in the rest of the payload (or of the enclosing element).
     *
     * @param number the fixed count, when {@code field} is empty and {@code remaining} false
     * @param field the name of the field holding the count
     * @param remaining whether the count is what fits
     */
    public record Count(long number, Optional<String> field, boolean remaining) {
    }

    /** @return true for a bit field inside an integer */
    public boolean isBitField() {
        return width > 0;
    }

    /** @return the number of bits the value has: the bit field's width or the integer's */
    public int valueBits() {
        return isBitField() ? width : type.bits();
    }

    /** @return true for a field that reads a transport value rather than the payload */
    public boolean fromTransport() {
        return source.isPresent();
    }

    /**
     * @return the payload bytes a fixed-size field occupies (none for a transport value); for arrays with a
     *         fixed count, all elements
     */
    public long length() {
        if (fromTransport()) {
            return 0;
        }
        if (type == FieldType.ARRAY) {
            return count.filter(c -> c.field().isEmpty() && !c.remaining()).map(c -> c.number() * stride).orElse(0L);
        }
        if (type.isInteger() || type == FieldType.UUID) {
            return type.size();
        }
        return Math.max(size, 0);
    }
}
