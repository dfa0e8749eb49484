package io.fwgate.core.internal;

import java.util.Map;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The highest level and reach each plugin bundle may declare, by symbolic name, with a default for
 * bundles not named: a distribution's own policy over every plugin, on top of what the deployer already
 * enforced per signer before installing one. Without configuration nothing is capped here (the bundles
 * of the runtime itself are the distribution's); a fabric command still needs the fabric-manager role,
 * a fabric grant and confirmation at the gate. Immutable.
 */
final class PluginCaps {
    static final Grant DEFAULT_CAP = new Grant(Level.DEBUG_WRITE_FULL, Reach.FABRIC);
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
