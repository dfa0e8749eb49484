package io.fwgate.api;

import java.util.Locale;

/**
 * How much a command may change, in increasing order of privilege. The names follow the fwctl scopes:
 * a caller granted a level may run every command that needs that level or a lower one.
 */
public enum Level {
    /** Reads state; changes nothing on the device. */
    TELEMETRY,
    /** Changes configuration, policy or logs; the device stays fully supported. */
    CONFIGURATION,
    /** May leave the device outside its supported state (vendor debug settings). */
    DEBUG_WRITE,
    /** May change or destroy user data or security state. */
    DEBUG_WRITE_FULL;

    /** @return the kebab-case name used in command tables, policies and output, e.g. {@code debug-write} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id a kebab-case level name such as {@code configuration}
     * @return the level
     * @throws IllegalArgumentException if {@code id} names no level; the message lists the valid names
     */
    public static Level parse(String id) {
        for (Level level : values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + id
                + "' (expected telemetry, configuration, debug-write or debug-write-full)");
    }

    /**
     * @param other another level
     * @return the stricter of this level and {@code other}
     */
    public Level max(Level other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
