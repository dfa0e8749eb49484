package io.fwgate.emulator.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a profile's JSON tree with its path, for reading members with messages that say where a
 * problem is. Numbers may be JSON integers or strings: {@code "0xC000"} (hex) or {@code "12"}.
 */
final class ProfileNode {
    private final JsonNode node;
    private final String path;

    ProfileNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    ProfileException fail(String problem) {
        return new ProfileException(path, problem);
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** @throws ProfileException unless this is an object whose members are all among {@code allowed} */
    ProfileNode object(Set<String> allowed) throws ProfileException {
        if (!node.isObject()) {
            throw fail("expected an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ProfileException(child(name),
                        "unknown member (expected one of " + allowed.stream().sorted().toList() + ")");
            }
        }
        return this;
    }

    Optional<ProfileNode> optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new ProfileNode(value, child(name)));
    }

    ProfileNode member(String name) throws ProfileException {
        Optional<ProfileNode> value = optional(name);
        if (value.isEmpty()) {
            throw fail("missing member '" + name + "'");
        }
        return value.get();
    }

    boolean has(String name) {
        return optional(name).isPresent();
    }

    /** @return the elements of this array, each with its index in its path */
    List<ProfileNode> elements() throws ProfileException {
        if (!node.isArray()) {
            throw fail("expected an array");
        }
        List<ProfileNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ProfileNode(node.get(i), path + "[" + i + "]"));
        }
        return elements;
    }

    /** @return the names of this object's members, in order */
    List<String> names() throws ProfileException {
        if (!node.isObject()) {
            throw fail("expected an object");
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    String text() throws ProfileException {
        if (!node.isTextual()) {
            throw fail("expected a string");
        }
        return node.asText();
    }

    /** @return printable ASCII text of 1 to {@code maxLength} characters */
    String ascii(int maxLength) throws ProfileException {
        String text = text();
        if (text.isEmpty() || text.length() > maxLength || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw fail("'" + text + "' is not 1 to " + maxLength + " printable ASCII characters");
        }
        return text;
    }

    /** @return the number, which must lie in {@code min..max} */
    long number(long min, long max) throws ProfileException {
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isTextual()) {
            value = parse(node.asText());
        } else {
            throw fail("expected an integer, or a string such as \"0x1f\"");
        }
        if (value < min || value > max) {
            throw fail(String.format("%d (0x%x) is outside %d..%d (0x%x..0x%x)", value, value, min, max, min, max));
        }
        return value;
    }

    private long parse(String text) throws ProfileException {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail("'" + text + "' is not a number (decimal, or hex with 0x)");
        }
    }

    /** @return an unsigned 64-bit number (as the bits of a long) */
    long u64() throws ProfileException {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.signum() < 0 || value.bitLength() > 64) {
                throw fail(value + " does not fit an unsigned 64-bit number");
            }
            return value.longValue();
        }
        if (node.isTextual()) {
            String text = node.asText();
            try {
                return text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                        : Long.parseUnsignedLong(text);
            } catch (NumberFormatException e) {
                throw fail("'" + text + "' is not an unsigned 64-bit number (decimal, or hex with 0x)");
            }
        }
        throw fail("expected an unsigned 64-bit integer, or a string such as \"0x1f\"");
    }

    int integer(int min, int max) throws ProfileException {
        return (int) number(min, max);
    }
}
