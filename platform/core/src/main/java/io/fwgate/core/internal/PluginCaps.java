package io.fwgate.core.internal;

import java.util.Map;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The highest level and reach each plugin bundle may declare, by symbolic name, with a default for
 * bundles not named. Without configuration a plugin may declare any level but only device reach:
 * commands that reach other hosts need an explicit cap. Immutable.
 */
final class PluginCaps {
    static final Grant DEFAULT_CAP = new Grant(Level.DEBUG_WRITE_FULL, Reach.DEVICE);
    static final PluginCaps DEFAULT = new PluginCaps(Map.of(), DEFAULT_CAP);

    private final Map<String, Grant> byBundle;
    private final Grant fallback;

    PluginCaps(Map<String, Grant> byBundle, Grant fallback) {
        this.byBundle = Map.copyOf(byBundle);
        this.fallback = fallback;
    }

    /**
     * @param bundleSymbolicName a plugin bundle
     * @return the most it may declare
     */
    Grant capOf(String bundleSymbolicName) {
        return byBundle.getOrDefault(bundleSymbolicName, fallback);
    }
}
