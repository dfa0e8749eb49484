package io.fwgate.tables;

import java.util.Set;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * The one mapping from effects to the level and reach a command needs. Used for declared effects and
 * for effects the device reports (CXL CEL, NVMe effects log) alike.
 *
 * <ul>
 * <li>no effects: telemetry;</li>
 * <li>log, policy or configuration change (immediate or after any reset), NVMe namespace or controller
 * capability or inventory change: configuration;</li>
 * <li>data change, security state change, NVMe logical block content change: debug-write-full;</li>
 * <li>background operation and the capability bits (abort supported, secondary mailbox, effects valid,
 * command supported) do not raise the level;</li>
 * <li>{@code affects-other-hosts}: fabric reach.</li>
 * </ul>
 */
public final class EffectMapping {
    private EffectMapping() {
    }

    /**
     * @param effects effects of one command
     * @return the lowest level that may run a command with these effects
     */
    public static Level levelOf(Set<Effect> effects) {
        Level level = Level.TELEMETRY;
        for (Effect effect : effects) {
            level = level.max(levelOf(effect));
        }
        return level;
    }

    /**
     * @param effect one effect
     * @return the lowest level that may cause it
     */
    public static Level levelOf(Effect effect) {
        switch (effect) {
            case CONFIG_CHANGE_COLD_RESET:
            case CONFIG_CHANGE_IMMEDIATE:
            case POLICY_CHANGE_IMMEDIATE:
            case LOG_CHANGE_IMMEDIATE:
            case CONFIG_CHANGE_CONVENTIONAL_RESET:
            case CONFIG_CHANGE_CXL_RESET:
            case NAMESPACE_CAPABILITY_CHANGE:
            case NAMESPACE_INVENTORY_CHANGE:
            case CONTROLLER_CAPABILITY_CHANGE:
                return Level.CONFIGURATION;
            case DATA_CHANGE_IMMEDIATE:
            case SECURITY_STATE_CHANGE:
            case LOGICAL_BLOCK_CONTENT_CHANGE:
                return Level.DEBUG_WRITE_FULL;
            default:
                return Level.TELEMETRY;
        }
    }

    /**
     * @param effects effects of one command
     * @return {@link Reach#FABRIC} if any effect reaches other hosts, else {@link Reach#DEVICE}
     */
    public static Reach reachOf(Set<Effect> effects) {
        return effects.contains(Effect.AFFECTS_OTHER_HOSTS) ? Reach.FABRIC : Reach.DEVICE;
    }
}
