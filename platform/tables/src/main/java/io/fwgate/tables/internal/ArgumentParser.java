package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.fwgate.tables.InvalidArgumentException;

/** Turns an argument, as the caller typed it, into the value of its request field. Stateless. */
public final class ArgumentParser {
    private ArgumentParser() {
    }

    /**
     * @param field the field
     * @param text the argument text
     * @return a {@code BigInteger} for integer fields, a {@code byte[]} of the field's length otherwise
     * @throws InvalidArgumentException naming the argument and what is wrong with it
     */
    public static Object parse(RequestField field, String text) throws InvalidArgumentException {
        switch (field.type()) {
            case BYTES:
                return bytes(field, text);
            case STRING:
                return string(field, text);
            case UUID:
                try {
                    return Numbers.parseUuid(text);
                } catch (IllegalArgumentException e) {
                    throw invalid(field, e.getMessage());
                }
            default:
                return integer(field, text);
        }
    }

    private static BigInteger integer(RequestField field, String text) throws InvalidArgumentException {
        BigInteger value = field.enumValues().get(text.strip());
        if (value == null) {
            try {
                value = Numbers.parseInteger(text);
            } catch (NumberFormatException e) {
                throw invalid(field, field.enumValues().isEmpty() ? "'" + text + "' is not a number"
                        : "'" + text + "' is not one of " + String.join(", ", field.enumValues().keySet()));
            }
            if (!field.enumValues().isEmpty() && !field.enumValues().containsValue(value)) {
                throw invalid(field, value + " is not one of " + describe(field.enumValues()));
            }
        }
        checkRange(field, value);
        return value;
    }

    private static void checkRange(RequestField field, BigInteger value) throws InvalidArgumentException {
        int bits = field.valueBits();
        boolean signed = field.type().signed();
        BigInteger low = FieldType.min(bits, signed);
        BigInteger high = FieldType.max(bits, signed);
        if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
            String where = field.isBitField() ? bits + " bits" : field.type().id();
            throw invalid(field, value + " does not fit " + where + " (" + low + " to " + high + ")");
        }
        if (field.min().isPresent() && value.compareTo(field.min().get()) < 0) {
            throw invalid(field, value + " is below the minimum " + field.min().get());
        }
        if (field.max().isPresent() && value.compareTo(field.max().get()) > 0) {
            throw invalid(field, value + " is above the maximum " + field.max().get());
        }
    }

    private static byte[] bytes(RequestField field, String text) throws InvalidArgumentException {
        byte[] bytes;
        try {
            bytes = Numbers.parseHexBytes(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
        if (!field.isVariable() && bytes.length != field.size()) {
            throw invalid(field, bytes.length + " bytes given, " + field.size() + " expected");
        }
        return bytes;
    }

    private static byte[] string(RequestField field, String text) throws InvalidArgumentException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid(field, "'" + text + "' is not printable ASCII");
            }
        }
        if (text.length() > field.size()) {
            throw invalid(field, "'" + text + "' has " + text.length() + " characters, more than the "
                    + field.size() + " that fit");
        }
        byte[] padded = new byte[field.size()];
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, padded, 0, ascii.length);
        return padded;
    }

    private static String describe(Map<String, BigInteger> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * @param field the field
     * @param problem what is wrong
     * @return the exception naming the argument
     */
    public static InvalidArgumentException invalid(RequestField field, String problem) {
        return new InvalidArgumentException("argument '" + field.name() + "': " + problem);
    }
}
