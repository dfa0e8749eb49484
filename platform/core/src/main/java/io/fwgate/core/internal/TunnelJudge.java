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

/**
 * Judges a Tunnel Management Command (5300h) by its innermost command, never by the tunnel itself: a
 * tunneled Get Health Info is telemetry, a tunneled Sanitize is debug-write-full. The inner opcode is
 * judged by the strictest declaration any active table of a CXL kind makes for it and, when the path
 * leads to a device fwgate knows ({@code <switch>/port<P>/ld<L>}), by that device's own CEL. An inner
 * opcode no table declares, or a tunnel that cannot be parsed, needs the highest level.
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
        DeviceEffects target = targetEffects(through, inner, devices);
        Requirement needed = Requirement.raw(inner.opcode(), target);
        boolean declared = false;
        for (PluginRecord plugin : registry.plugins()) {
            for (CommandTable table : plugin.tables()) {
                if (!table.match().kinds().contains(DeviceKind.CXL_MEMORY_DEVICE)
                        && !table.match().kinds().contains(DeviceKind.CXL_SWITCH)) {
                    continue;
                }
                for (CommandSpec spec : table.commands()) {
                    if (spec.opcode() == inner.opcode() && spec.opcode() != Tunnel.OPCODE) {
                        Requirement byTable = Requirement.of(spec, target);
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

    private static DeviceEffects targetEffects(DeviceId through, InnerCommand inner, Devices devices) {
        if (inner.path().isEmpty()) {
            return DeviceEffects.none("not tunneled");
        }
        TunnelHop first = inner.path().get(0);
        TunnelHop last = inner.path().get(inner.path().size() - 1);
        DeviceId target = new DeviceId(through.transport(), through.address() + "/port" + first.id() + "/ld" + last.id());
        return devices.find(target).map(devices::effectsOf)
                .orElse(DeviceEffects.none("no known device at " + target));
    }

    private static Requirement stricter(Requirement a, Requirement b) {
        Level level = a.level().max(b.level());
        Reach reach = a.reach().compareTo(b.reach()) >= 0 ? a.reach() : b.reach();
        return new Requirement(level, reach, a.level().compareTo(b.level()) >= 0 ? a.why() : b.why(),
                a.unsupported() || b.unsupported());
    }
}
