package io.fwgate.emulator.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fwgate.api.Effect;

/**
 * One admin command a controller supports: its opcode, what its Commands Supported and Effects entry
 * reports, whether it runs while a sanitize operation is in progress, and its handler. The effects
 * must be true to what the handler does: the platform's gate trusts them.
 *
 * @param opcode the admin opcode, 00h to FFh
 * @param name the spec's name, for documentation and messages
 * @param effects the NVMe effects besides CSUPP, which every supported command has
 * @param cse the Command Submission and Execution value (bits 18:16): 0 no restriction, 1 one
 *        command per namespace, 2 one command per controller
 * @param duringSanitize true if the command runs while a sanitize operation is in progress; others
 *        are aborted with Sanitize In Progress
 * @param hostData true if the command may carry host-to-controller data; others must carry none
 * @param handler what the command does
 */
record NvmeCommand(int opcode, String name, Set<Effect> effects, int cse, boolean duringSanitize,
        boolean hostData, Handler handler) {
    /** Runs one command. Called with the controller's lock held. */
    @FunctionalInterface
    interface Handler {
        NvmeAnswer handle(NvmeInput input);
    }

    NvmeCommand {
        effects = Set.copyOf(effects);
        for (Effect effect : effects) {
            if (effect.family() != Effect.Family.NVME) {
                throw new IllegalArgumentException(name + ": " + effect + " is not an NVMe effect");
            }
        }
        if (opcode < 0 || opcode > 0xff || cse < 0 || cse > 7) {
            throw new IllegalArgumentException(name + ": opcode or CSE out of range");
        }
    }

    /** A command that reads only: no effects besides CSUPP, allowed during a sanitize, no host data. */
    static NvmeCommand reader(int opcode, String name, Handler handler) {
        return new NvmeCommand(opcode, name, Set.of(), 0, true, false, handler);
    }

    static Set<Effect> effectSet(Effect... effects) {
        Set<Effect> set = EnumSet.noneOf(Effect.class);
        set.addAll(List.of(effects));
        return set;
    }

    /** @return the entry of the Commands Supported and Effects log: CSUPP, the effect bits and CSE */
    int effectsWord() {
        int word = 1 << Effect.COMMAND_SUPPORTED.bit();
        for (Effect effect : effects) {
            word |= 1 << effect.bit();
        }
        return word | cse << 16;
    }
}
