package io.fwgate.core.internal;

import java.util.List;
import java.util.Optional;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.Caller;

/**
 * Who may do what on this host: grant rules by identity, the host's role, and the caps on what each
 * plugin may declare. Immutable.
 *
 * <p>A caller's grant: a rule naming the user wins outright (so a policy can restrict root); else the
 * highest of the rules naming one of the caller's groups; else the {@code everyone} rule; else telemetry.
 */
final class Policy {
    /** One grant rule; exactly one of the identity members is set. */
    record Rule(Optional<Long> uid, Optional<Long> gid, boolean everyone, Grant grant) {
    }

    /** The host's role: a BMC or fabric manager may run fabric-reaching commands, a host never. */
    enum Role {
        HOST("host"), FABRIC_MANAGER("fabric-manager");

        final String id;

        Role(String id) {
            this.id = id;
        }
    }

    private final List<Rule> rules;
    private final Role role;
    private final PluginCaps caps;

    Policy(List<Rule> rules, Role role, PluginCaps caps) {
        this.rules = List.copyOf(rules);
        this.role = role;
        this.caps = caps;
    }

    /** The defaults when no policy file exists: root debug-write-full, group fwgate configuration, else telemetry. */
    static Policy defaults(UnixNames names, Role role) {
        List<Rule> rules = new java.util.ArrayList<>();
        rules.add(new Rule(Optional.of(0L), Optional.empty(), false, new Grant(Level.DEBUG_WRITE_FULL, Reach.DEVICE)));
        names.gid("fwgate").ifPresent(gid -> rules.add(
                new Rule(Optional.empty(), Optional.of(gid), false, new Grant(Level.CONFIGURATION, Reach.DEVICE))));
        rules.add(new Rule(Optional.empty(), Optional.empty(), true, Grant.TELEMETRY));
        return new Policy(rules, role, PluginCaps.DEFAULT);
    }

    Role role() {
        return role;
    }

    PluginCaps caps() {
        return caps;
    }

    /**
     * @param caller who asks, as the kernel says
     * @return the caller's grant under this policy
     */
    Grant grantFor(Caller caller) {
        for (Rule rule : rules) {
            if (rule.uid().isPresent() && rule.uid().get() == caller.uid()) {
                return rule.grant();
            }
        }
        Grant best = null;
        for (Rule rule : rules) {
            if (rule.gid().isPresent() && inGroup(caller, rule.gid().get())) {
                best = best == null ? rule.grant() : wider(best, rule.grant());
            }
        }
        if (best != null) {
            return best;
        }
        return rules.stream().filter(Rule::everyone).map(Rule::grant).findFirst().orElse(Grant.TELEMETRY);
    }

    private static boolean inGroup(Caller caller, long gid) {
        if (caller.gid() == gid) {
            return true;
        }
        for (long group : caller.groups()) {
            if (group == gid) {
                return true;
            }
        }
        return false;
    }

    private static Grant wider(Grant a, Grant b) {
        return new Grant(a.level().max(b.level()), a.reach().compareTo(b.reach()) >= 0 ? a.reach() : b.reach());
    }
}
