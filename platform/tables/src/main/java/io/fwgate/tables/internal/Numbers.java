package io.fwgate.tables.internal;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses and formats numbers, hex bytes and UUIDs as people type them. Stateless. */
public final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}");
    private static final Pattern HEX = Pattern.compile("-?0[xX][0-9a-fA-F]{1,32}");
    private static final Pattern HEX_BYTES = Pattern.compile("[0-9a-fA-F]*");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Numbers() {
    }

    /**
     * @param text a decimal or {@code 0x} hex integer, optionally negative, surrounding blanks ignored
     * @return its value
     * @throws NumberFormatException if {@code text} is neither
     */
    public static BigInteger parseInteger(String text) {
        String t = text.strip();
        if (DECIMAL.matcher(t).matches()) {
            return new BigInteger(t);
        }
        if (HEX.matcher(t).matches()) {
            boolean negative = t.startsWith("-");
            BigInteger magnitude = new BigInteger(t.substring(negative ? 3 : 2), 16);
            return negative ? magnitude.negate() : magnitude;
        }
        throw new NumberFormatException("'" + text + "' is not a decimal or 0x-hex integer");
    }

    /**
     * @param text hex digits, optionally with a {@code 0x} prefix and with spaces or colons between bytes
     * @return the bytes
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static byte[] parseHexBytes(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        t = t.replace(" ", "").replace(":", "");
        if (!HEX_BYTES.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not hex bytes");
        }
        if (t.length() % 2 != 0) {
            throw new IllegalArgumentException("'" + text + "' has an odd number of hex digits");
        }
        return HexFormat.of().parseHex(t);
    }

    /**
     * @param text a UUID in canonical form, 8-4-4-4-12 hex digits
     * @return its 16 bytes in big-endian (RFC 4122, Linux {@code uuid_t}) order
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static byte[] parseUuid(String text) {
        String t = text.strip();
        if (!UUID_TEXT.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a UUID (8-4-4-4-12 hex digits)");
        }
        return HexFormat.of().parseHex(t.replace("-", ""));
    }

    /**
     * @param bytes a buffer
     * @param offset where 16 big-endian UUID bytes start
     * @return the UUID in canonical lower-case form
     */
    public static String uuidText(byte[] bytes, int offset) {
        String hex = HexFormat.of().formatHex(bytes, offset, offset + 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /**
     * @param value a number
     * @return {@code 0x} and its lower-case hex digits, with a leading minus sign if negative
     */
    public static String hex(BigInteger value) {
        return (value.signum() < 0 ? "-0x" : "0x") + value.abs().toString(16).toLowerCase(Locale.ROOT);
    }
}
