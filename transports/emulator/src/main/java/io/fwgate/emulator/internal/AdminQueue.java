package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An NVMe controller's admin queue: dispatches opcodes to the commands of its command sets, applies
 * the checks every command shares, records failed commands in the error log, and builds the Commands
 * Supported and Effects log from the commands it supports, so the log lists exactly the opcodes it
 * handles. Thread-safe: one command runs at a time.
 *
 * <p>Shared checks, in order: an opcode the controller does not support gets Invalid Command Opcode; a
 * command the spec does not allow while a sanitize operation is in progress gets Sanitize In Progress;
 * host-to-controller data for a command that transfers none gets Invalid Field in Command; so does
 * controller-to-host data larger than the host's buffer (handlers that change state check the size
 * before they act, so no state change hides behind that answer).
 */
final class AdminQueue {
    /** Commands Supported and Effects log: le32 acs[256], le32 iocs[256], reserved to 4096 bytes. */
    static final int EFFECTS_LOG_SIZE = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final NvmeSanitize sanitize;
    private final ErrorLog errors;
    private final Map<Integer, NvmeCommand> commands;
    private final byte[] effectsLog;
    private int nextCommandId;

    /**
     * @param sanitize the controller's sanitize operation, completed by the clock before each command
     * @param errors where failed commands are recorded
     * @param sets the controller's command sets
     * @throws IllegalArgumentException if two commands share an opcode
     */
    AdminQueue(NvmeSanitize sanitize, ErrorLog errors, List<AdminCommandSet> sets) {
        this.sanitize = sanitize;
        this.errors = errors;
        Map<Integer, NvmeCommand> byOpcode = new TreeMap<>();
        for (AdminCommandSet set : sets) {
            for (NvmeCommand command : set.commands()) {
                if (byOpcode.putIfAbsent(command.opcode(), command) != null) {
                    throw new IllegalArgumentException(
                            String.format("admin opcode %02xh defined twice", command.opcode()));
                }
            }
        }
        this.commands = Collections.unmodifiableMap(byOpcode);
        this.effectsLog = buildEffectsLog(byOpcode.values());
    }

    /**
     * Only admin commands reach the emulated controller, so the I/O command entries (iocs, from byte
     * 1024) stay zero: no I/O command is supported through this transport.
     */
    private static byte[] buildEffectsLog(Collection<NvmeCommand> commands) {
        ByteBuffer out = Bytes.out(EFFECTS_LOG_SIZE);
        for (NvmeCommand command : commands) {
            out.putInt(4 * command.opcode(), command.effectsWord());
        }
        return out.array();
    }

    /** @return the Commands Supported and Effects log's content */
    byte[] effectsLog() {
        return effectsLog.clone();
    }

    /**
     * @param opcode the admin opcode
     * @param input the command's fields and data
     * @return the controller's answer
     */
    NvmeAnswer submit(int opcode, NvmeInput input) {
        lock.lock();
        try {
            sanitize.update();
            int commandId = nextCommandId;
            nextCommandId = (nextCommandId + 1) & 0xffff;
            NvmeAnswer answer = dispatch(opcode, input);
            if (answer.status() != NvmeStatus.SUCCESS) {
                errors.record(commandId, answer.status(), input.nsid());
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }

    private NvmeAnswer dispatch(int opcode, NvmeInput input) {
        NvmeCommand command = commands.get(opcode);
        if (command == null) {
            return NvmeAnswer.of(NvmeStatus.INVALID_COMMAND_OPCODE);
        }
        if (!command.duringSanitize() && sanitize.inProgress()) {
            return NvmeAnswer.of(NvmeStatus.SANITIZE_IN_PROGRESS);
        }
        if (!command.hostData() && input.payload().length > 0) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        NvmeAnswer answer = command.handler().handle(input);
        return answer.payload().length > input.dataLength() ? NvmeAnswer.of(NvmeStatus.INVALID_FIELD) : answer;
    }
}
