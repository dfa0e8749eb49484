package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one request field of a table, checking its members (not yet its place in the layout). */
final class RequestFieldReader {
    private static final Set<String> MEMBERS = Set.of("name", "offset", "param", "type", "endian", "size",
            "shift", "width", "enum", "min", "max", "default", "value", "description");
    private static final Set<String> PARAMS = Set.of("nsid", "cdw10", "cdw11", "cdw12", "cdw13", "cdw14", "cdw15",
            "mctp-type");
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final Pattern ENUM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private RequestFieldReader() {
    }

    /**
     * @param node the field's JSON
     * @param path its location
     * @param problems where problems go
     * @return the field, or empty if a member is malformed
     */
    static Optional<RequestField> read(JsonNode node, String path, Problems problems) {
        Optional<Members> found = Members.of(node, path, "a request field", problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Members m = found.get();
        int before = problems.count();
        m.allowOnly(MEMBERS);
        String name = name(m, NAME).orElse("");
        FieldType type = type(m).orElse(FieldType.U8);
        Optional<Integer> offset = m.integer("offset", false, 0);
        Optional<String> param = m.string("param", false);
        if (m.has("offset") == m.has("param")) {
            problems.malformed(path, "field '" + name + "' needs exactly one of 'offset' and 'param'");
        }
        if (param.isPresent() && !PARAMS.contains(param.get())) {
            problems.malformed(m.path("param"), "unknown parameter '" + param.get() + "' (expected one of "
                    + String.join(", ", PARAMS.stream().sorted().toList()) + ")");
        }
        boolean bigEndian = endian(m, type);
        int size = size(m, type);
        int shift = integerOnly(m, "shift", type).orElse(0);
        int width = integerOnly(m, "width", type).orElse(0);
        if (m.has("shift") != m.has("width")) {
            problems.malformed(path, "'shift' and 'width' go together");
        }
        Map<String, BigInteger> enumValues = enumValues(m, type);
        Optional<BigInteger> min = numberForInteger(m, "min", type);
        Optional<BigInteger> max = numberForInteger(m, "max", type);
        Optional<String> defaultText = m.argumentText("default");
        Optional<String> constant = m.argumentText("value");
        if (defaultText.isPresent() && constant.isPresent()) {
            problems.malformed(path, "a field has either a 'default' or a 'value', not both");
        }
        String description = m.string("description", false).orElse("");
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new RequestField(name, type, offset.orElse(-1), param, size, bigEndian, shift, width,
                enumValues, min, max, defaultText, constant, description));
    }

    static Optional<String> name(Members m, Pattern pattern) {
        Optional<String> name = m.string("name", true);
        if (name.isPresent() && !pattern.matcher(name.get()).matches()) {
            m.problems().malformed(m.path("name"), "bad name '" + name.get()
                    + "' (kebab-case: lower-case letters, digits and '-', starting with a letter, at most 64)");
            return Optional.empty();
        }
        return name;
    }

    static Optional<FieldType> type(Members m) {
        Optional<String> id = m.string("type", true);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldType> type = FieldType.parse(id.get()).filter(t -> t != FieldType.ARRAY);
        if (type.isEmpty()) {
            m.problems().malformed(m.path("type"), "unknown type '" + id.get()
                    + "' (expected u8, u16, u32, u64, s8, s16, s32, s64, bytes, string or uuid)");
        }
        return type;
    }

    static boolean endian(Members m, FieldType type) {
        Optional<String> endian = m.string("endian", false);
        if (endian.isEmpty()) {
            return false;
        }
        if (!type.isInteger()) {
            m.problems().malformed(m.path("endian"), "'endian' applies only to integer types");
        } else if (!endian.get().equals("little") && !endian.get().equals("big")) {
            m.problems().malformed(m.path("endian"), "'endian' must be \"little\" or \"big\"");
        }
        return endian.get().equals("big");
    }

    /** @return the declared size, 16 for a UUID, -1 when a {@code bytes} field has none */
    static int size(Members m, FieldType type) {
        if (type.isInteger() || type == FieldType.ARRAY) {
            if (m.has("size")) {
                m.problems().malformed(m.path("size"), "'size' applies only to bytes, string and uuid fields");
            }
            return type.size();
        }
        Optional<Integer> size = m.integer("size", type == FieldType.STRING, 1);
        if (type == FieldType.UUID) {
            if (size.isPresent() && size.get() != 16) {
                m.problems().malformed(m.path("size"), "a uuid has 16 bytes");
            }
            return 16;
        }
        return size.orElse(-1);
    }

    static Optional<Integer> integerOnly(Members m, String member, FieldType type) {
        if (m.has(member) && !type.isInteger()) {
            m.problems().malformed(m.path(member), "'" + member + "' applies only to integer types");
            return Optional.empty();
        }
        return m.integer(member, false, member.equals("width") ? 1 : 0);
    }

    private static Optional<BigInteger> numberForInteger(Members m, String member, FieldType type) {
        if (m.has(member) && !type.isInteger()) {
            m.problems().malformed(m.path(member), "'" + member + "' applies only to integer types");
            return Optional.empty();
        }
        return m.number(member, false);
    }

    private static Map<String, BigInteger> enumValues(Members m, FieldType type) {
        Map<String, BigInteger> values = new LinkedHashMap<>();
        if (!m.has("enum")) {
            return values;
        }
        if (!type.isInteger()) {
            m.problems().malformed(m.path("enum"), "'enum' applies only to integer types");
            return values;
        }
        for (Map.Entry<String, JsonNode> entry : m.entries("enum").orElse(Map.of()).entrySet()) {
            String where = m.path("enum") + "/" + entry.getKey();
            if (!ENUM_NAME.matcher(entry.getKey()).matches()) {
                m.problems().malformed(where, "bad enum name '" + entry.getKey() + "' (kebab-case)");
            }
            m.number(entry.getValue(), where, "enum value '" + entry.getKey() + "'")
                    .ifPresent(v -> values.put(entry.getKey(), v));
        }
        return values;
    }
}
