package io.fwgate.core.internal;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * What a caller may do: the highest level and reach. Immutable.
 *
 * @param level the highest level the caller may run
 * @param reach the widest reach the caller may run (before the host role is applied)
 */
record Grant(Level level, Reach reach) {
    static final Grant TELEMETRY = new Grant(Level.TELEMETRY, Reach.DEVICE);
}
