package io.fwgate.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.fwgate.platform.Caller;

/**
 * The invoking process's identity as the kernel reports it in {@code /proc/self/status}: the effective
 * uid and gid (second value of the {@code Uid:} and {@code Gid:} lines) and the supplementary groups.
 * Arguments and environment never count: they are the caller's to forge.
 */
final class ProcStatus {
    static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /**
     * @return this process's caller identity
     * @throws IOException if {@code /proc/self/status} cannot be read or lacks the identity lines
     */
    static Caller self() throws IOException {
        String text = Files.readString(SELF, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(SELF + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param status the text of a {@code /proc/<pid>/status} file
     * @return the effective uid, effective gid and supplementary groups it names
     * @throws IllegalArgumentException if a {@code Uid:}, {@code Gid:} or {@code Groups:} line is missing or
     *         malformed
     */
    static Caller parse(String status) {
        long uid = effective(status, "Uid");
        long gid = effective(status, "Gid");
        long[] groups = numbers(line(status, "Groups"), "Groups");
        return new Caller(uid, gid, groups);
    }

    /** The kernel writes real, effective, saved and filesystem ids in that order; the gate wants effective. */
    private static long effective(String status, String key) {
        long[] ids = numbers(line(status, key), key);
        if (ids.length < 2) {
            throw new IllegalArgumentException("line '" + key + ":' has " + ids.length + " ids, expected 4");
        }
        return ids[1];
    }

    private static String line(String status, String key) {
        String prefix = key + ":";
        return status.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).trim())
                .orElseThrow(() -> new IllegalArgumentException("no '" + prefix + "' line"));
    }

    private static long[] numbers(String values, String key) {
        if (values.isEmpty()) {
            return new long[0];
        }
        try {
            return Arrays.stream(values.split("\\s+")).mapToLong(Long::parseUnsignedLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line '" + key + ":' holds a non-number: " + values, e);
        }
    }
}
