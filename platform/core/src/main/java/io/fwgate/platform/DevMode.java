package io.fwgate.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Development mode as the deployer runs it: when the framework property {@code fwgate.dev} names a
 * directory, unsigned bundles from there are installed, capped (by default) at the telemetry level. The
 * platform core uses this service to show dev mode in {@code status} and in every audit record, and to
 * mark the host tainted when a dev bundle's command that writes runs. Registered by the deployer whether
 * or not dev mode is on; thread-safe.
 */
@ConsumerType
public interface DevMode {
    /** @return true if this host accepts unsigned bundles from a developer's directory */
    boolean active();

    /**
     * @param bundleId a framework bundle id
     * @return true if that bundle was installed, unsigned, from the developer's directory and is
     *         installed now
     */
    boolean isDevBundle(long bundleId);
}
