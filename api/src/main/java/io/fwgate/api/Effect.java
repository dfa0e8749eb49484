package io.fwgate.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An effect a command has, as declared by a command table or reported by the device: the bits of the
 * CXL Command Effects Log, the bits of the NVMe Commands Supported and Effects log, and fwgate's own
 * {@link #AFFECTS_OTHER_HOSTS}.
 */
public enum Effect {
    /** CXL CEL bit 0: configuration change after cold reset. */
    CONFIG_CHANGE_COLD_RESET(Family.CXL, 0),
    /** CXL CEL bit 1: immediate configuration change. */
    CONFIG_CHANGE_IMMEDIATE(Family.CXL, 1),
    /** CXL CEL bit 2: immediate data change. */
    DATA_CHANGE_IMMEDIATE(Family.CXL, 2),
    /** CXL CEL bit 3: immediate policy change. */
    POLICY_CHANGE_IMMEDIATE(Family.CXL, 3),
    /** CXL CEL bit 4: immediate log change. */
    LOG_CHANGE_IMMEDIATE(Family.CXL, 4),
    /** CXL CEL bit 5: security state change. */
    SECURITY_STATE_CHANGE(Family.CXL, 5),
    /** CXL CEL bit 6: runs as a background operation. */
    BACKGROUND_OPERATION(Family.CXL, 6),
    /** CXL CEL bit 7: the background operation can be aborted. */
    BACKGROUND_ABORT_SUPPORTED(Family.CXL, 7),
    /** CXL CEL bit 8: supported on the secondary mailbox. */
    SECONDARY_MAILBOX_SUPPORTED(Family.CXL, 8),
    /** CXL CEL bit 9 (CXL 3.x): bits 0 to 11 of this entry are valid. */
    EFFECTS_VALID(Family.CXL, 9),
    /** CXL CEL bit 10: configuration change after conventional reset. */
    CONFIG_CHANGE_CONVENTIONAL_RESET(Family.CXL, 10),
    /** CXL CEL bit 11: configuration change after CXL reset. */
    CONFIG_CHANGE_CXL_RESET(Family.CXL, 11),
    /** NVMe effects bit 0 (CSUPP): the controller supports the command. */
    COMMAND_SUPPORTED(Family.NVME, 0),
    /** NVMe effects bit 1 (LBCC): logical block content change. */
    LOGICAL_BLOCK_CONTENT_CHANGE(Family.NVME, 1),
    /** NVMe effects bit 2 (NCC): namespace capability change. */
    NAMESPACE_CAPABILITY_CHANGE(Family.NVME, 2),
    /** NVMe effects bit 3 (NIC): namespace inventory change. */
    NAMESPACE_INVENTORY_CHANGE(Family.NVME, 3),
    /** NVMe effects bit 4 (CCC): controller capability change. */
    CONTROLLER_CAPABILITY_CHANGE(Family.NVME, 4),
    /** fwgate: the command's effects reach other hosts through the fabric. */
    AFFECTS_OTHER_HOSTS(Family.FWGATE, -1);

    /** Where an effect bit is defined. */
    public enum Family {
        /** The CXL Command Effects Log. */
        CXL,
        /** The NVMe Commands Supported and Effects log. */
        NVME,
        /** fwgate itself. */
        FWGATE
    }

    private final Family family;
    private final int bit;

    Effect(Family family, int bit) {
        this.family = family;
        this.bit = bit;
    }

    /** @return where this effect is defined */
    public Family family() {
        return family;
    }

    /** @return the bit position in its family's effect word, or -1 for fwgate's own effects */
    public int bit() {
        return bit;
    }

    /** @return the kebab-case name used in command tables and output, e.g. {@code data-change-immediate} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id a kebab-case effect name
     * @return the effect
     * @throws IllegalArgumentException if {@code id} names no effect
     */
    public static Effect parse(String id) {
        for (Effect effect : values()) {
            if (effect.id().equals(id)) {
                return effect;
            }
        }
        throw new IllegalArgumentException("unknown effect '" + id + "'");
    }

    /**
     * Decodes one effect word of the given family. Bits the family does not define are ignored.
     *
     * @param family {@link Family#CXL} or {@link Family#NVME}
     * @param word the effect word as the device reports it
     * @return the effects whose bits are set, never null
     */
    public static Set<Effect> fromBits(Family family, int word) {
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        for (Effect effect : values()) {
            if (effect.family == family && effect.bit >= 0 && (word & (1 << effect.bit)) != 0) {
                effects.add(effect);
            }
        }
        return effects;
    }
}
