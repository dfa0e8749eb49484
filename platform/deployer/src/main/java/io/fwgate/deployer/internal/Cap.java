package io.fwgate.deployer.internal;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The most a bundle's commands may need: a command above either bound is refused before install.
 *
 * @param level the highest level
 * @param reach the widest reach
 */
record Cap(Level level, Reach reach) {
    /** Dev bundles without a dev policy: read-only commands on the device itself. */
    static final Cap TELEMETRY = new Cap(Level.TELEMETRY, Reach.DEVICE);

    boolean allows(Level needed, Reach neededReach) {
        return needed.compareTo(level) <= 0 && neededReach.compareTo(reach) <= 0;
    }

    @Override
    public String toString() {
        return level.id() + "/" + reach.id();
    }
}
