package io.fwgate.emulator.internal;

import java.util.List;

import io.fwgate.api.Effect;

/**
 * Format NVM (80h): switches the namespace to another LBA format and deallocates every block. The
 * formats carry no metadata, so no protection information can be chosen.
 */
final class FormatCommand implements AdminCommandSet {
    static final int FORMAT_NVM = 0x80;
    /** SES (cdw10 bits 11:9): 0 no secure erase, 1 user data erase, 2 cryptographic erase. */
    static final int CRYPTOGRAPHIC_ERASE = 2;

    private final Namespace namespace;

    FormatCommand(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public List<NvmeCommand> commands() {
        // the kernel's known effects for Format NVM: LBCC, NCC and CSE; CSE 001b, since FNA says a format
        // reaches only the namespace it names
        return List.of(new NvmeCommand(FORMAT_NVM, "Format NVM",
                NvmeCommand.effectSet(Effect.LOGICAL_BLOCK_CONTENT_CHANGE, Effect.NAMESPACE_CAPABILITY_CHANGE),
                1, false, false, this::format));
    }

    /** LBAF bits 3:0 (LBAFU bits 13:12 extend it), MSET bit 4, PI bits 7:5, PIL bit 8, SES bits 11:9. */
    private NvmeAnswer format(NvmeInput input) {
        if (input.nsid() != Namespace.NSID && input.nsid() != NvmeInput.ALL_NAMESPACES) {
            return NvmeAnswer.of(NvmeStatus.INVALID_NAMESPACE);
        }
        if ((input.cdw(10) >>> 14) != 0 || input.bits(10, 11, 9) > CRYPTOGRAPHIC_ERASE) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        int lbaf = input.bits(10, 13, 12) << 4 | input.bits(10, 3, 0);
        if (lbaf >= Namespace.formats() || input.bits(10, 7, 5) != 0) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FORMAT);
        }
        namespace.format(lbaf);
        return NvmeAnswer.ok();
    }
}
