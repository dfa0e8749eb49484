package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves user and group names to ids from the local databases ({@code /etc/passwd}, {@code /etc/group}),
 * so a policy can name {@code root} or {@code fwgate}. Identities themselves always come from the kernel.
 */
final class UnixNames {
    private final Map<String, Long> users;
    private final Map<String, Long> groups;

    UnixNames(Map<String, Long> users, Map<String, Long> groups) {
        this.users = Map.copyOf(users);
        this.groups = Map.copyOf(groups);
    }

    /** @return the names of this host, from {@code /etc/passwd} and {@code /etc/group} (empty if unreadable) */
    static UnixNames ofHost() {
        return new UnixNames(read(Path.of("/etc/passwd")), read(Path.of("/etc/group")));
    }

    Optional<Long> uid(String user) {
        return Optional.ofNullable(users.get(user));
    }

    Optional<Long> gid(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    /** Both files are {@code name:password:id:...} lines. */
    static Map<String, Long> parse(String text) {
        Map<String, Long> ids = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(":", -1);
            if (parts.length >= 3 && !line.startsWith("#")) {
                try {
                    ids.putIfAbsent(parts[0], Long.parseLong(parts[2]));
                } catch (NumberFormatException e) {
                    // a malformed line names nobody; skip it
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
