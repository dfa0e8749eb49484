package io.fwgate.emulator.internal;

import java.util.List;

/**
 * Admin commands of an NVMe controller together with the state they act on. The state is guarded by
 * the controller's lock: handlers run one at a time.
 */
interface AdminCommandSet {
    /** @return the commands this set supports, each opcode once */
    List<NvmeCommand> commands();
}
