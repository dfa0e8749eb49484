package io.fwgate.core.internal;

import java.util.Optional;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The permission gate's decision, as a pure function of what a command needs, what the caller is
 * granted, the host's role and whether the caller confirmed. Deny by default: every path that does not
 * prove the caller may run the command refuses.
 */
final class Gate {
    private Gate() {
    }

    /**
     * @param command the command's name, for messages
     * @param needed what the command needs
     * @param grant what the caller is granted
     * @param role the host's role
     * @param confirmed the caller passed {@code --confirm}
     * @return empty if allowed, else the reason for the refusal
     */
    static Optional<String> refusal(String command, Requirement needed, Grant grant, Policy.Role role,
            boolean confirmed) {
        if (needed.unsupported()) {
            return Optional.of(command + " is not callable: " + needed.why());
        }
        if (needed.reach() == Reach.FABRIC) {
            if (role != Policy.Role.FABRIC_MANAGER) {
                return Optional.of(command + " reaches other hosts (fabric) and this host's role is "
                        + role.id + ": only a fabric-manager may run it");
            }
            if (grant.reach() != Reach.FABRIC) {
                return Optional.of(command + " needs fabric reach, you have device reach");
            }
        }
        if (needed.level().compareTo(grant.level()) > 0) {
            return Optional.of(command + " needs " + needed.level().id() + " (" + needed.why() + "), you have "
                    + grant.level().id());
        }
        if (needsConfirmation(needed) && !confirmed) {
            return Optional.of(command + " is " + needed.level().id()
                    + (needed.reach() == Reach.FABRIC ? " with fabric reach" : "")
                    + ": it can change data or leave the device unsupported; repeat with --confirm");
        }
        return Optional.empty();
    }

    /** Debug writes and anything reaching other hosts run only when the caller says so explicitly. */
    static boolean needsConfirmation(Requirement needed) {
        return needed.level().compareTo(Level.DEBUG_WRITE) >= 0 || needed.reach() == Reach.FABRIC;
    }

    /** @return true if running a command of this level marks the host tainted */
    static boolean taints(Level level) {
        return level.compareTo(Level.DEBUG_WRITE) >= 0;
    }
}
