package io.fwgate.platform;

import java.util.Optional;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The host's state as one caller sees it. Immutable.
 *
 * @param tainted a debug-write or debug-write-full command ran on this host
 * @param taint what tainted it (time, device, command), if tainted
 * @param role {@code host} or {@code fabric-manager}
 * @param caller who asked
 * @param grantedLevel the caller's level
 * @param grantedReach the caller's reach
 * @param configDir the configuration directory
 * @param stateDir the state directory
 * @param devMode unsigned bundles from a developer's directory are accepted on this host
 */
public record StatusView(boolean tainted, Optional<String> taint, String role, Caller caller, Level grantedLevel,
        Reach grantedReach, String configDir, String stateDir, boolean devMode) {
}
