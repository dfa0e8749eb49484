package io.fwgate.emulator.internal;

import java.util.List;

/**
 * The commands of one CXL command set (events, firmware, logs...) together with the device state they
 * act on. The state is guarded by the mailbox's lock: handlers run one at a time.
 */
interface CommandSet {
    /** @return the commands this set supports, each opcode once */
    List<Command> commands();
}
