package io.fwgate.core.internal;

import java.util.Optional;
import java.util.Set;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.EffectMapping;

/**
 * The level and reach one command needs on one device: the strictest of its declared level, the level
 * of its declared effects, and the level of the effects the device itself reports. Immutable.
 *
 * @param level the level needed
 * @param reach the reach needed
 * @param why which source set the level (for refusals and the audit log)
 */
record Requirement(Level level, Reach reach, String why, boolean unsupported) {

    Requirement(Level level, Reach reach, String why) {
        this(level, reach, why, false);
    }

    /** NVMe: an opcode without CSUPP is not supported by the controller; the gate refuses it outright. */
    private static final String UNSUPPORTED = "the device reports it unsupported (CSUPP clear)";

    /**
     * @param spec the table's command
     * @param device the effects the device reports
     * @return what the command needs
     */
    static Requirement of(CommandSpec spec, DeviceEffects device) {
        Optional<Set<Effect>> deviceEffects = device.of(spec.opcode());
        Level declared = spec.declaredLevel();
        Level ofEffects = EffectMapping.levelOf(spec.effects());
        Level ofDevice = deviceEffects.map(EffectMapping::levelOf).orElse(Level.TELEMETRY);
        Level level = declared.max(ofEffects).max(ofDevice);
        Reach reach = EffectMapping.reachOf(spec.effects());
        if (deviceEffects.isPresent() && EffectMapping.reachOf(deviceEffects.get()) == Reach.FABRIC) {
            reach = Reach.FABRIC;
        }
        String why;
        if (level == ofDevice && ofDevice.compareTo(declared.max(ofEffects)) > 0) {
            why = "the device reports effects " + ids(deviceEffects.get());
        } else if (level == ofEffects && ofEffects.compareTo(declared) > 0) {
            why = "declared effects " + ids(spec.effects());
        } else {
            why = "declared level";
        }
        if (device.unsupported(spec.opcode())) {
            return new Requirement(level, reach, UNSUPPORTED, true);
        }
        return new Requirement(level, reach, why);
    }

    /**
     * A raw opcode, outside every table: the device's reported effects decide; an opcode the device does
     * not report (or any vendor-defined opcode without a table) needs the highest level.
     *
     * @param opcode the raw opcode
     * @param device the effects the device reports
     * @return what the raw command needs
     */
    static Requirement raw(int opcode, DeviceEffects device) {
        if (device.unsupported(opcode)) {
            return new Requirement(Level.DEBUG_WRITE_FULL, Reach.DEVICE, UNSUPPORTED, true);
        }
        Optional<Set<Effect>> deviceEffects = device.of(opcode);
        if (deviceEffects.isEmpty()) {
            return new Requirement(Level.DEBUG_WRITE_FULL, Reach.DEVICE,
                    "the opcode is in no table and the device reports no effects for it");
        }
        Set<Effect> effects = deviceEffects.get();
        return new Requirement(EffectMapping.levelOf(effects), EffectMapping.reachOf(effects),
                "the device reports effects " + ids(effects));
    }

    private static String ids(Set<Effect> effects) {
        return effects.isEmpty() ? "[]" : effects.stream().map(Effect::id).sorted().toList().toString();
    }
}
