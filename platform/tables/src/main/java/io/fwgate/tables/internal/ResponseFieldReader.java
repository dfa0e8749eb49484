package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.tables.MetricField;

/** Reads one response field of a table, and the fields of an array, checking their members. */
final class ResponseFieldReader {
    /** Arrays may nest this deep; deeper tables are refused. */
    static final int MAX_ARRAY_DEPTH = 8;
    private static final Set<String> MEMBERS = Set.of("name", "source", "offset", "type", "size", "endian", "shift",
            "width", "scale", "bias", "enum", "flags", "bool", "special", "description", "count", "stride", "fields",
            "index", "metric", "metric-name", "metric-help");
    /** The default source: the response payload. */
    private static final String PAYLOAD = "payload";
    /** Transport values a field may read instead of the payload (NVMe completion dword 0). */
    private static final Set<String> TRANSPORT_VALUES = Set.of("result");

    private ResponseFieldReader() {
    }

    /**
     * @param node the field's JSON
     * @param path its location
     * @param depth how many arrays enclose it
     * @param problems where problems go
     * @return the field, or empty if a member is malformed
     */
    static Optional<ResponseField> read(JsonNode node, String path, int depth, Problems problems) {
        Optional<Members> found = Members.of(node, path, "a response field", problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Members m = found.get();
        int before = problems.count();
        m.allowOnly(MEMBERS);
        String name = RequestFieldReader.name(m, RequestFieldReader.NAME).orElse("");
        FieldType type = type(m).orElse(FieldType.U8);
        Optional<String> source = source(m, type, depth);
        int offset = m.integer("offset", source.isEmpty(), 0).orElse(0);
        int size = RequestFieldReader.size(m, type);
        boolean bigEndian = RequestFieldReader.endian(m, type);
        boolean bool = m.bool("bool").orElse(false);
        int shift = RequestFieldReader.integerOnly(m, "shift", type).orElse(0);
        int width = RequestFieldReader.integerOnly(m, "width", type).orElse(bool ? 1 : 0);
        checkBitMembers(m, bool, width);
        BigInteger scale = integerMember(m, "scale", type).orElse(BigInteger.ONE);
        if (scale.signum() <= 0) {
            problems.malformed(m.path("scale"), "'scale' must be a positive integer");
        }
        BigInteger bias = integerMember(m, "bias", type).orElse(BigInteger.ZERO);
        Map<BigInteger, String> enumNames = valueNames(m, "enum", type);
        Map<BigInteger, String> special = valueNames(m, "special", type);
        Map<Integer, String> flagNames = flagNames(m, type);
        checkExclusive(m);
        String description = m.string("description", false).orElse("");
        Optional<MetricField> metric = MetricReader.read(m, name, type, depth, description);
        Element element = type == FieldType.ARRAY ? element(m, depth) : notAnArray(m);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ResponseField(name, type, source, offset, size, bigEndian, shift, width, scale, bias,
                enumNames, flagNames, bool, special, element.count(), element.stride(), element.fields(),
                element.index(), description, metric));
    }

    /**
     * Reads {@code source}: where an integer field's bits come from, the payload (the default) or a value the
     * transport returns beside it. Such a field has no offset, and lives at the top level, where the
     * transport value is.
     */
    private static Optional<String> source(Members m, FieldType type, int depth) {
        Optional<String> source = m.string("source", false).filter(s -> !s.equals(PAYLOAD));
        if (source.isEmpty()) {
            return source;
        }
        String where = m.path("source");
        String value = source.get();
        if (!TRANSPORT_VALUES.contains(value)) {
            m.problems().malformed(where, "unknown source '" + value + "' (expected payload or result)");
        } else if (!type.isInteger()) {
            m.problems().malformed(where, "a field read from the transport value '" + value
                    + "' must have an integer type");
        } else if (depth > 0) {
            m.problems().malformed(where, "only top-level fields read the transport value '" + value
                    + "'; fields inside an array read the payload");
        }
        for (String member : List.of("offset", "endian")) {
            if (m.has(member)) {
                m.problems().malformed(m.path(member), "'" + member + "' does not apply to a field read from '"
                        + value + "'");
            }
        }
        return source;
    }

    /** The array members of a field: how many elements, their size, their fields and the index's name. */
    private record Element(Optional<ResponseField.Count> count, int stride, List<ResponseField> fields,
            Optional<String> index) {
    }

    private static Element element(Members m, int depth) {
        if (depth >= MAX_ARRAY_DEPTH) {
            m.problems().malformed(m.path(), "arrays nest deeper than " + MAX_ARRAY_DEPTH + " levels");
            return new Element(Optional.empty(), 0, List.of(), Optional.empty());
        }
        Optional<String> index = m.string("index", false);
        if (index.isPresent() && !RequestFieldReader.NAME.matcher(index.get()).matches()) {
            m.problems().malformed(m.path("index"), "bad index name '" + index.get() + "' (kebab-case)");
        }
        return new Element(count(m), m.integer("stride", true, 1).orElse(1), elements(m, depth + 1), index);
    }

    private static Element notAnArray(Members m) {
        for (String member : List.of("count", "stride", "fields", "index")) {
            if (m.has(member)) {
                m.problems().malformed(m.path(member), "'" + member + "' applies only to arrays");
            }
        }
        return new Element(Optional.empty(), 0, List.of(), Optional.empty());
    }

    private static Optional<FieldType> type(Members m) {
        Optional<String> id = m.string("type", true);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldType> type = FieldType.parse(id.get());
        if (type.isEmpty()) {
            m.problems().malformed(m.path("type"), "unknown type '" + id.get()
                    + "' (expected u8, u16, u32, u64, s8, s16, s32, s64, bytes, string, uuid or array)");
        }
        return type;
    }

    private static void checkBitMembers(Members m, boolean bool, int width) {
        if (bool && !m.has("shift")) {
            m.problems().malformed(m.path("bool"), "'bool' needs 'shift', the bit it shows");
        } else if (bool && width != 1) {
            m.problems().malformed(m.path("width"), "a 'bool' field is one bit wide");
        } else if (!bool && m.has("shift") != m.has("width")) {
            m.problems().malformed(m.path(), "'shift' and 'width' go together");
        }
    }

    private static void checkExclusive(Members m) {
        long shown = List.of("enum", "flags", "bool").stream().filter(m::has).count();
        if (shown > 1) {
            m.problems().malformed(m.path(), "a field has at most one of 'enum', 'flags' and 'bool'");
        } else if (shown == 1 && (m.has("scale") || m.has("bias"))) {
            m.problems().malformed(m.path(), "'scale' and 'bias' apply only to plain numbers, not to"
                    + " 'enum', 'flags' or 'bool' fields");
        }
    }

    private static Optional<BigInteger> integerMember(Members m, String member, FieldType type) {
        if (m.has(member) && !type.isInteger()) {
            m.problems().malformed(m.path(member), "'" + member + "' applies only to integer types");
            return Optional.empty();
        }
        return m.number(member, false);
    }

    /** Reads {@code enum} or {@code special}: raw value to name. Keys are checked against the width later. */
    private static Map<BigInteger, String> valueNames(Members m, String member, FieldType type) {
        Map<BigInteger, String> names = new LinkedHashMap<>();
        if (m.has(member) && !type.isInteger()) {
            m.problems().malformed(m.path(member), "'" + member + "' applies only to integer types");
            return names;
        }
        for (Map.Entry<String, JsonNode> e : m.entries(member).orElse(Map.of()).entrySet()) {
            String where = m.path(member) + "/" + e.getKey();
            Optional<BigInteger> key = parseKey(m, e.getKey(), where);
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                m.problems().malformed(where, "the name for " + e.getKey() + " must be a non-empty string");
            } else {
                key.ifPresent(k -> names.put(k, e.getValue().textValue()));
            }
        }
        return names;
    }

    private static Map<Integer, String> flagNames(Members m, FieldType type) {
        Map<Integer, String> names = new LinkedHashMap<>();
        if (m.has("flags") && !type.isInteger()) {
            m.problems().malformed(m.path("flags"), "'flags' applies only to integer types");
            return names;
        }
        for (Map.Entry<String, JsonNode> e : m.entries("flags").orElse(Map.of()).entrySet()) {
            String where = m.path("flags") + "/" + e.getKey();
            Optional<BigInteger> bit = parseKey(m, e.getKey(), where);
            if (bit.isPresent() && (bit.get().signum() < 0 || bit.get().compareTo(BigInteger.valueOf(63)) > 0)) {
                m.problems().malformed(where, "a flag's key is a bit number, 0 to 63");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                m.problems().malformed(where, "the name of bit " + e.getKey() + " must be a non-empty string");
            } else {
                bit.ifPresent(b -> names.put(b.intValue(), e.getValue().textValue()));
            }
        }
        return names;
    }

    private static Optional<BigInteger> parseKey(Members m, String key, String where) {
        try {
            return Optional.of(Numbers.parseInteger(key));
        } catch (NumberFormatException e) {
            m.problems().malformed(where, "key '" + key + "' must be a decimal or 0x-hex number");
            return Optional.empty();
        }
    }

    private static Optional<ResponseField.Count> count(Members m) {
        if (m.isString("count")) {
            String text = m.string("count", true).orElse("");
            boolean remaining = text.equals("remaining");
            return Optional.of(new ResponseField.Count(0, remaining ? Optional.empty() : Optional.of(text), remaining));
        }
        return m.integer("count", true, 0).map(n -> new ResponseField.Count(n, Optional.empty(), false));
    }

    private static List<ResponseField> elements(Members m, int depth) {
        List<ResponseField> fields = new ArrayList<>();
        Optional<List<JsonNode>> found = m.array("fields", true);
        List<JsonNode> nodes = found.orElse(List.of());
        if (found.isPresent() && nodes.isEmpty()) {
            m.problems().malformed(m.path("fields"), "an array needs at least one field");
        }
        for (int i = 0; i < nodes.size(); i++) {
            read(nodes.get(i), m.path("fields") + "/" + i, depth, m.problems()).ifPresent(fields::add);
        }
        return fields;
    }
}
