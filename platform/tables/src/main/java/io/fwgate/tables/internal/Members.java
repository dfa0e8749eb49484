package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The members of one JSON object of a table, read with their types checked. Every wrong type, missing
 * required member or unknown member is reported as {@code MALFORMED} at its location; the accessors
 * then answer empty.
 */
public final class Members {
    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private Members(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * @param node a JSON value
     * @param path its location
     * @param what what the value should be, for the message
     * @param problems where problems go
     * @return its members, or empty (a problem reported) if {@code node} is not an object
     */
    public static Optional<Members> of(JsonNode node, String path, String what, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.malformed(path, what + " must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(new Members(node, path, problems));
    }

    /** @return the object's location */
    public String path() {
        return path;
    }

    /**
     * @param member a member name
     * @return the member's location
     */
    public String path(String member) {
        return path + "/" + member;
    }

    /**
     * @param member a member name
     * @return true if the object has it
     */
    public boolean has(String member) {
        return node.has(member);
    }

    /**
     * @param member a member name
     * @return true if the object has it and its value is a string
     */
    public boolean isString(String member) {
        return node.has(member) && node.get(member).isTextual();
    }

    /**
     * Reports every member not in {@code allowed}: the format is strict so that typos are caught.
     *
     * @param allowed the member names this object may have
     */
    public void allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.malformed(path(name), "unknown member '" + name + "' (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * @param member a member name
     * @param required whether its absence is a problem
     * @return its string value
     */
    public Optional<String> string(String member, boolean required) {
        JsonNode value = value(member, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.malformed(path(member), "'" + member + "' must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /**
     * @param member a member name
     * @param required whether its absence is a problem
     * @param min the smallest value allowed
     * @return its value, a JSON integer not below {@code min} that fits an int
     */
    public Optional<Integer> integer(String member, boolean required, int min) {
        JsonNode value = value(member, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.malformed(path(member), "'" + member + "' must be an integer");
            return Optional.empty();
        }
        if (value.intValue() < min) {
            problems.malformed(path(member), "'" + member + "' must be " + min + " or more");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /**
     * @param member a member name
     * @param required whether its absence is a problem
     * @return its value, given as a JSON integer or as a decimal or {@code 0x}-hex string
     */
    public Optional<BigInteger> number(String member, boolean required) {
        JsonNode value = value(member, required);
        return value == null ? Optional.empty() : number(value, path(member), "'" + member + "'");
    }

    /**
     * @param value a JSON value
     * @param location its location
     * @param what how to name it in a message
     * @return its value, if it is a JSON integer or a decimal or {@code 0x}-hex string
     */
    public Optional<BigInteger> number(JsonNode value, String location, String what) {
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Numbers.parseInteger(value.textValue()));
            } catch (NumberFormatException e) {
                problems.malformed(location, what + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        problems.malformed(location, what + " must be an integer or a decimal or 0x-hex string");
        return Optional.empty();
    }

    /**
     * @param member a member name
     * @return its value as argument text: a string, or a JSON integer written in decimal
     */
    public Optional<String> argumentText(String member) {
        JsonNode value = value(member, false);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        problems.malformed(path(member), "'" + member + "' must be a string or an integer");
        return Optional.empty();
    }

    /**
     * @param member a member name
     * @return its value, if it is {@code true} or {@code false}
     */
    public Optional<Boolean> bool(String member) {
        JsonNode value = value(member, false);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problems.malformed(path(member), "'" + member + "' must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /**
     * @param member a member name
     * @param required whether its absence is a problem
     * @return the elements of its array value
     */
    public Optional<List<JsonNode>> array(String member, boolean required) {
        JsonNode value = value(member, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            problems.malformed(path(member), "'" + member + "' must be an array");
            return Optional.empty();
        }
        List<JsonNode> elements = new ArrayList<>();
        value.elements().forEachRemaining(elements::add);
        return Optional.of(elements);
    }

    /**
     * @param member a member name
     * @param required whether its absence is a problem
     * @return the members of its object value
     */
    public Optional<Members> object(String member, boolean required) {
        JsonNode value = value(member, required);
        return value == null ? Optional.empty() : of(value, path(member), "'" + member + "'", problems);
    }

    /**
     * @param member a member name
     * @return the members of its object value, in document order
     */
    public Optional<Map<String, JsonNode>> entries(String member) {
        JsonNode value = value(member, false);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problems.malformed(path(member), "'" + member + "' must be a JSON object");
            return Optional.empty();
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        return Optional.of(entries);
    }

    /** @return where problems go */
    public Problems problems() {
        return problems;
    }

    private JsonNode value(String member, boolean required) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                problems.malformed(path(member), "missing required member '" + member + "'");
            }
            return null;
        }
        return value;
    }
}
