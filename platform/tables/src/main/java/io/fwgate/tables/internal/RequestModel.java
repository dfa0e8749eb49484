package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.FieldSpec;
import io.fwgate.tables.InvalidArgumentException;

/**
 * A checked request layout: the fixed payload size, the largest payload, and the fields. Immutable and
 * thread-safe.
 *
 * @param size the fixed payload size, the minimum when the layout ends with a variable field
 * @param maxSize the largest payload, equal to {@code size} without a variable field
 * @param fields the fields in table order
 */
public record RequestModel(int size, int maxSize, List<RequestField> fields) {
    public RequestModel {
        fields = List.copyOf(fields);
    }

    /** @return the caller-visible arguments: every field that is not a constant */
    public List<FieldSpec> fieldSpecs() {
        return fields.stream().filter(f -> f.constant().isEmpty())
                .map(f -> new FieldSpec(f.name(), f.type().id(), f.description(), f.defaultText(),
                        List.copyOf(f.enumValues().keySet())))
                .toList();
    }

    /**
     * @param args argument values by name, as typed
     * @return the payload and transport parameters
     * @throws InvalidArgumentException if an argument is unknown, missing, malformed or out of range
     */
    public EncodedRequest encode(Map<String, String> args) throws InvalidArgumentException {
        checkNames(args);
        List<Object> values = new ArrayList<>();
        int length = size;
        for (RequestField field : fields) {
            Object value = ArgumentParser.parse(field, textFor(field, args));
            if (field.isVariable()) {
                int room = maxSize - field.offset();
                int given = ((byte[]) value).length;
                if (given > room) {
                    throw ArgumentParser.invalid(field, given + " bytes given, at most " + room + " fit");
                }
                length += given;
            }
            values.add(value);
        }
        byte[] payload = new byte[length];
        Map<String, Long> params = new TreeMap<>();
        for (int i = 0; i < fields.size(); i++) {
            store(fields.get(i), values.get(i), payload, params);
        }
        return new EncodedRequest(payload, params);
    }

    /**
     * Commands of one table may share an opcode when their requests are told apart by constant bits of a
     * transport parameter, as the CNS of NVMe Identify commands or the LID of Get Log Page commands are.
     *
     * @param other the request of another command
     * @return true if both requests set constant bits at the same place of one parameter and those differ
     */
    public boolean distinguishedFrom(RequestModel other) {
        Map<String, Selector> mine = selectors();
        for (Map.Entry<String, Selector> theirs : other.selectors().entrySet()) {
            Selector own = mine.get(theirs.getKey());
            if (own != null && own.differsFrom(theirs.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The bits that constant fields put into one transport parameter, and their values. */
    private record Selector(long mask, long value) {
        boolean differsFrom(Selector other) {
            return (mask & other.mask & (value ^ other.value)) != 0;
        }

        Selector and(Selector other) {
            return new Selector(mask | other.mask, value | other.value);
        }
    }

    private Map<String, Selector> selectors() {
        Map<String, Selector> selectors = new HashMap<>();
        for (RequestField f : fields) {
            if (f.isParam() && f.constant().isPresent()) {
                long mask = Bits.mask(f.valueBits()) << f.shift();
                Selector selector = new Selector(mask, constantBits(f) << f.shift() & mask);
                selectors.merge(f.param().get(), selector, Selector::and);
            }
        }
        return selectors;
    }

    private static long constantBits(RequestField f) {
        try {
            return ((BigInteger) ArgumentParser.parse(f, f.constant().get())).longValue();
        } catch (InvalidArgumentException e) {
            // RequestReader refuses a table whose constants do not fit their fields
            throw new IllegalStateException("the constant of field '" + f.name() + "' was not checked", e);
        }
    }

    private void checkNames(Map<String, String> args) throws InvalidArgumentException {
        for (String name : args.keySet()) {
            boolean known = fields.stream().anyMatch(f -> f.constant().isEmpty() && f.name().equals(name));
            if (!known) {
                List<FieldSpec> valid = fieldSpecs();
                throw new InvalidArgumentException("unknown argument '" + name + "' ("
                        + (valid.isEmpty() ? "this command takes no arguments"
                                : "valid: " + valid.stream().map(FieldSpec::name).collect(Collectors.joining(", ")))
                        + ")");
            }
        }
    }

    private static String textFor(RequestField field, Map<String, String> args) throws InvalidArgumentException {
        if (field.constant().isPresent()) {
            return field.constant().get();
        }
        String given = args.get(field.name());
        if (given != null) {
            return given;
        }
        Optional<String> fallback = field.defaultText();
        if (fallback.isEmpty()) {
            throw new InvalidArgumentException("missing required argument '" + field.name() + "'");
        }
        return fallback.get();
    }

    private static void store(RequestField field, Object value, byte[] payload, Map<String, Long> params) {
        if (value instanceof byte[] bytes) {
            System.arraycopy(bytes, 0, payload, field.offset(), bytes.length);
            return;
        }
        long bits = ((BigInteger) value).longValue();
        if (field.isParam()) {
            long word = params.getOrDefault(field.param().get(), 0L);
            params.put(field.param().get(), Bits.insert(word, field.shift(), field.valueBits(), bits));
            return;
        }
        int n = field.type().size();
        long word = Bits.read(payload, field.offset(), n, field.bigEndian());
        Bits.write(payload, field.offset(), n, field.bigEndian(), Bits.insert(word, field.shift(), field.valueBits(), bits));
    }
}
