package io.fwgate.core.internal;

import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.InnerCommand;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelHop;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.TableMatch;

/**
 * Judges a Tunnel Management Command (5300h) by its innermost command, never by the tunnel itself: a
 * tunneled Get Health Info is telemetry, a tunneled Sanitize is debug-write-full. The inner opcode is
 * judged by the strictest declaration of the tables that speak for its target, and by the target's own
 * CEL when the path leads to a device fwgate knows ({@code <switch>/port<P>/ld<L>}). For a known target
 * those are the tables whose match fits it; for a target fwgate does not know, only vendor-neutral CXL
 * tables (no {@code pci-vendor-ids}): a vendor's table says what an opcode does on that vendor's devices,
 * not on whatever sits behind a port. An inner opcode no such table declares, or a tunnel that cannot be
 * parsed, needs the highest level.
 */
final class TunnelJudge {
    private TunnelJudge() {
    }

    /** @return the inner command of a tunnel request, or empty when the payload is not a well-formed tunnel */
    static Optional<InnerCommand> inner(PreparedCall call) {
        try {
            return Optional.of(Tunnel.innermost(call.opcode, call.request.payload()));
        } catch (CciFormatException e) {
            return Optional.empty();
        }
    }

    static Requirement requirement(PreparedCall call, DeviceId through, PluginRegistry registry, Devices devices) {
        Optional<InnerCommand> parsed = inner(call);
        if (parsed.isEmpty()) {
            return new Requirement(Level.DEBUG_WRITE_FULL, Reach.DEVICE, "the tunnel request is malformed");
        }
        InnerCommand inner = parsed.get();
        Optional<DeviceId> targetId = targetId(through, inner);
        Optional<Devices.Reached> target = targetId.flatMap(devices::find);
        DeviceEffects effects = target.map(devices::effectsOf).orElse(DeviceEffects.none(
                targetId.map(id -> "no known device at " + id).orElse("not tunneled")));
        Requirement needed = Requirement.raw(inner.opcode(), effects);
        boolean declared = false;
        for (PluginRecord plugin : registry.plugins()) {
            for (CommandTable table : plugin.tables()) {
                if (!speaksFor(table.match(), target)) {
                    continue;
                }
                for (CommandSpec spec : table.commands()) {
                    if (spec.opcode() == inner.opcode() && spec.opcode() != Tunnel.OPCODE) {
                        Requirement byTable = Requirement.of(spec, effects);
                        needed = declared ? stricter(needed, byTable) : byTable;
                        declared = true;
                    }
                }
            }
        }
        String why = String.format("tunneled 0x%04x via %s: %s", inner.opcode(), Tunnel.describe(inner.path()),
                needed.why());
        return new Requirement(needed.level(), needed.reach(), why, needed.unsupported());
    }

    /** Whether a table's declarations apply to the tunnel's target (see the class comment). */
    static boolean speaksFor(TableMatch match, Optional<Devices.Reached> target) {
        if (target.isPresent()) {
            return match.matches(target.get().info());
        }
        return match.pciVendorIds().isEmpty() && (match.kinds().contains(DeviceKind.CXL_MEMORY_DEVICE)
                || match.kinds().contains(DeviceKind.CXL_SWITCH));
    }

    private static Optional<DeviceId> targetId(DeviceId through, InnerCommand inner) {
        if (inner.path().isEmpty()) {
            return Optional.empty();
        }
        TunnelHop first = inner.path().get(0);
        TunnelHop last = inner.path().get(inner.path().size() - 1);
        return Optional.of(new DeviceId(through.transport(),
                through.address() + "/port" + first.id() + "/ld" + last.id()));
    }

    private static Requirement stricter(Requirement a, Requirement b) {
        Level level = a.level().max(b.level());
        Reach reach = a.reach().compareTo(b.reach()) >= 0 ? a.reach() : b.reach();
        return new Requirement(level, reach, a.level().compareTo(b.level()) >= 0 ? a.why() : b.why(),
                a.unsupported() || b.unsupported());
    }
}
