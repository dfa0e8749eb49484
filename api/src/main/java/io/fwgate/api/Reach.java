package io.fwgate.api;

import java.util.Locale;

/** How far a command's effects reach beyond the device it is sent to, in increasing order. */
public enum Reach {
    /** Effects stay within the addressed device. */
    DEVICE,
    /** Effects reach other hosts through the fabric (bindings, allocations, port control). */
    FABRIC;

    /** @return the kebab-case name used in tables, policies and output */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code device} or {@code fabric}
     * @return the reach
     * @throws IllegalArgumentException if {@code id} names no reach
     */
    public static Reach parse(String id) {
        for (Reach reach : values()) {
            if (reach.id().equals(id)) {
                return reach;
            }
        }
        throw new IllegalArgumentException("unknown reach '" + id + "' (expected device or fabric)");
    }
}
