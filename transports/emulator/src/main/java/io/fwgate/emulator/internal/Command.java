package io.fwgate.emulator.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fwgate.api.Effect;

/**
 * One mailbox command the device supports: its opcode, the effects its CEL entry reports, and its
 * handler. The effects must be true to what the handler does: the platform's gate trusts them.
 *
 * @param opcode command set &lt;&lt; 8 | command
 * @param name the spec's name, for error messages and documentation
 * @param effects the CXL effects the command has
 * @param needsMedia true if the command accesses the media or label storage, which a running
 *        sanitize disables
 * @param handler what the command does
 */
record Command(int opcode, String name, Set<Effect> effects, boolean needsMedia, Handler handler) {
    /** Runs one command. Called with the mailbox's lock held. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param input the command's input
         * @return the return code and output
         */
        Answer handle(Input input);
    }

    Command {
        effects = Set.copyOf(effects);
        for (Effect effect : effects) {
            if (effect.family() != Effect.Family.CXL) {
                throw new IllegalArgumentException(name + ": " + effect + " is not a CXL effect");
            }
        }
    }

    /** A command that leaves the media alone. */
    static Command of(int opcode, String name, Handler handler, Effect... effects) {
        return new Command(opcode, name, toSet(effects), false, handler);
    }

    /** A command that reads or writes the media or label storage. */
    static Command onMedia(int opcode, String name, Handler handler, Effect... effects) {
        return new Command(opcode, name, toSet(effects), true, handler);
    }

    private static Set<Effect> toSet(Effect... effects) {
        Set<Effect> set = EnumSet.noneOf(Effect.class);
        set.addAll(List.of(effects));
        return set;
    }

    /** @return true if the command runs as a background operation */
    boolean background() {
        return effects.contains(Effect.BACKGROUND_OPERATION);
    }

    /**
     * @return the CEL effect word: the effects' bits plus "effects valid" (bit 9), since this device
     *         follows CXL 3.x and every bit of the word is meaningful
     */
    int celEffects() {
        return effectWord(effects);
    }

    /** @return the CXL effect word of {@code effects} with "effects valid" (bit 9) set */
    static int effectWord(Set<Effect> effects) {
        int word = 1 << Effect.EFFECTS_VALID.bit();
        for (Effect effect : effects) {
            word |= 1 << effect.bit();
        }
        return word;
    }
}
