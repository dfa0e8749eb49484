package io.fwgate.kit;

import java.nio.charset.StandardCharsets;

/** Minimal command tables for the tests, written out as a vendor would. */
final class Tables {
    private Tables() {
    }

    /**
     * @param kinds the JSON array of device kinds, e.g. {@code ["cxl-memory-device"]}
     * @param vendors the JSON array of PCI vendor ids, e.g. {@code ["0xACEC"]}, or {@code []}
     * @param commands the commands, each a JSON object, comma separated
     * @return the table's text
     */
    static String table(String kinds, String vendors, String commands) {
        return "{\n  \"format\": 1,\n  \"vendor\": \"Acme\",\n  \"match\": { \"kinds\": " + kinds
                + ", \"pci-vendor-ids\": " + vendors + " },\n  \"commands\": [\n" + commands + "\n  ]\n}\n";
    }

    /** @return a table for Acme's CXL memory devices (PCI vendor ACECh) with the given commands */
    static String acmeCxl(String commands) {
        return table("[\"cxl-memory-device\"]", "[\"0xACEC\"]", commands);
    }

    /**
     * @return one command answering nothing, with the given name, opcode, effects (a JSON array) and level
     */
    static String command(String name, String opcode, String effects, String level) {
        return "    { \"name\": \"" + name + "\", \"opcode\": \"" + opcode + "\", \"description\": \"" + name + "\",\n"
                + "      \"effects\": " + effects + ", \"level\": \"" + level + "\",\n"
                + "      \"response\": { \"max-size\": 0, \"fields\": [] } }";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param text a document
     * @param marker text that occurs in it
     * @return the line, counted from 1, of the marker's first occurrence
     */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("'" + marker + "' is not in the document");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
