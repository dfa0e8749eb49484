package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table's {@code enum} or {@code special} names looked up by a field's value bits as a plain
 * {@code long}: no {@code BigInteger} and no boxing on the decoding path. Immutable.
 */
final class LongNames {
    private static final LongNames NONE = new LongNames(new long[0], new String[0]);

    private final long[] keys;
    private final String[] names;

    private LongNames(long[] keys, String[] names) {
        this.keys = keys;
        this.names = names;
    }

    /**
     * A table may key a value by its bit pattern ({@code 0xffff}) or as a signed number ({@code -1}); both
     * become the bit pattern of {@code bits} bits. Where both forms name one pattern, the bit pattern's
     * name wins, as a lookup by the raw value first would have it.
     *
     * @param byValue the table's names, keys checked to fit {@code bits} bits either way
     * @param bits the field's value bits
     * @return the names by bit pattern
     */
    static LongNames of(Map<BigInteger, String> byValue, int bits) {
        if (byValue.isEmpty()) {
            return NONE;
        }
        long mask = Bits.mask(bits);
        TreeMap<Long, String> sorted = new TreeMap<>();
        byValue.forEach((key, name) -> {
            if (key.signum() < 0) {
                sorted.putIfAbsent(key.longValue() & mask, name);
            }
        });
        byValue.forEach((key, name) -> {
            if (key.signum() >= 0) {
                sorted.put(key.longValue() & mask, name);
            }
        });
        long[] keys = sorted.keySet().stream().mapToLong(Long::longValue).toArray();
        return new LongNames(keys, sorted.values().toArray(String[]::new));
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /**
     * @param bits the value bits, zero-extended
     * @return the name, or null if the table names none
     */
    String get(long bits) {
        int at = Arrays.binarySearch(keys, bits);
        return at >= 0 ? names[at] : null;
    }
}
