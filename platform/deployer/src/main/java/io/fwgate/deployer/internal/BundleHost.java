package io.fwgate.deployer.internal;

import java.nio.file.Path;
import java.util.Map;

/** The framework as the deployer uses it; a fake stands in for it in unit tests. */
interface BundleHost {
    /** The framework would not do what was asked; the message is the framework's reason. */
    final class HostException extends Exception {
        private static final long serialVersionUID = 1L;

        HostException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Installs a verified bundle from its staged copy and starts it; a bundle that does not start is
     * uninstalled again.
     *
     * @param location the location to install at
     * @param staged the staged copy
     * @return the new bundle's id
     * @throws HostException if it could not be installed or started
     */
    long install(String location, Path staged) throws HostException;

    /**
     * Replaces an installed bundle's content; the framework stops and restarts it. A failed update leaves
     * the old content running.
     *
     * @param bundleId the bundle
     * @param staged the staged copy of the new version
     * @throws HostException if the update failed
     */
    void update(long bundleId, Path staged) throws HostException;

    /**
     * @param bundleId a bundle to remove; a bundle already gone is not an error
     * @throws HostException if it could not be uninstalled
     */
    void uninstall(long bundleId) throws HostException;

    /**
     * @param locationPrefix a location prefix
     * @return the bundles installed at locations with that prefix, by location
     */
    Map<String, Long> installed(String locationPrefix);
}
