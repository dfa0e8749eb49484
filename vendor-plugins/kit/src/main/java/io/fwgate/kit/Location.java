package io.fwgate.kit;

import java.util.Objects;

/**
 * Where a lint finding is. Immutable.
 *
 * @param resource the file, or the bundle and resource ({@code acme.jar!/OSGI-INF/fwgate/acme.json})
 * @param pointer a JSON pointer into the resource, e.g. {@code /commands/3/request/fields/1}; empty for
 *        the whole resource
 * @param line the line the pointer's member starts on, counted from 1; 0 when unknown
 */
public record Location(String resource, String pointer, int line) {
    /**
     * @throws NullPointerException if {@code resource} or {@code pointer} is null
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public Location {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0) {
            throw new IllegalArgumentException("line < 0");
        }
    }

    /** @return {@code resource[:line][ pointer]}, e.g. {@code acme.json:14 /commands/1/level} */
    @Override
    public String toString() {
        return resource + (line > 0 ? ":" + line : "") + (pointer.isEmpty() ? "" : " " + pointer);
    }
}
