package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints a decoded response as an indented {@code name: value} tree: nested maps and lists go one level
 * deeper, list elements are shown by index ({@code [0]: ...}).
 */
final class ResponseTree {
    private static final String INDENT = "  ";

    private ResponseTree() {
    }

    /**
     * @param out where to print
     * @param response the decoded fields, in display order
     * @param depth the indentation level of the top-level fields
     */
    static void print(PrintWriter out, Map<String, ?> response, int depth) {
        for (Map.Entry<String, ?> field : response.entrySet()) {
            entry(out, field.getKey(), field.getValue(), depth);
        }
    }

    private static void entry(PrintWriter out, String label, Object value, int depth) {
        String prefix = INDENT.repeat(depth) + label + ":";
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.println(prefix);
            for (Map.Entry<?, ?> field : map.entrySet()) {
                entry(out, String.valueOf(field.getKey()), field.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.println(prefix);
            for (int i = 0; i < list.size(); i++) {
                entry(out, "[" + i + "]", list.get(i), depth + 1);
            }
        } else {
            out.println(prefix + " " + scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return String.valueOf(value);
    }
}
