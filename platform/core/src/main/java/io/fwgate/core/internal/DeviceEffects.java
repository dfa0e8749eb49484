package io.fwgate.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fwgate.api.Effect;

/**
 * The effects a device itself reports per opcode (CXL Command Effects Log, NVMe Commands Supported and
 * Effects log), or nothing when the device reports none or could not be asked. Immutable.
 *
 * @param byOpcode the reported effects per opcode; empty when the device reported nothing
 * @param source where they came from, e.g. {@code CEL (42 entries)}, or why there are none
 * @param requiresSupported the log marks supported commands (NVMe CSUPP): an opcode without the mark is
 *        not callable
 */
record DeviceEffects(Map<Integer, Set<Effect>> byOpcode, String source, boolean requiresSupported) {
    static DeviceEffects none(String why) {
        return new DeviceEffects(Map.of(), why, false);
    }

    /**
     * @param opcode an opcode
     * @return true if the device says it does not support the opcode (NVMe: CSUPP clear, or no entry)
     */
    boolean unsupported(int opcode) {
        return requiresSupported && !of(opcode).map(e -> e.contains(Effect.COMMAND_SUPPORTED)).orElse(false);
    }

    DeviceEffects {
        byOpcode = Map.copyOf(byOpcode);
    }

    /**
     * @param opcode an opcode
     * @return the device's effects for it, empty if the device does not list it
     */
    Optional<Set<Effect>> of(int opcode) {
        return Optional.ofNullable(byOpcode.get(opcode));
    }
}
