package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A CXL mailbox: dispatches opcodes to the commands of its command sets, applies the checks every
 * command shares, and builds the Command Effects Log from the commands it supports, so the CEL lists
 * exactly the opcodes it handles. Thread-safe: one command runs at a time.
 *
 * <p>Shared checks, in order: an opcode the device does not support gets Unsupported; an input larger
 * than the payload size gets Invalid Payload Length; a background command while another runs gets
 * Busy; a media command while a sanitize runs gets Media Disabled. An output larger than the
 * requester's limit gets Invalid Payload Length with no output: only read commands produce output, so
 * no state change hides behind that answer.
 */
final class CxlMailbox {
    /** The mailbox payload size as a power of two: 2^20 bytes, 1 MiB, the largest the spec allows. */
    static final int PAYLOAD_SIZE_LOG2 = 20;
    static final int PAYLOAD_SIZE = 1 << PAYLOAD_SIZE_LOG2;

    private final ReentrantLock lock = new ReentrantLock();
    private final BackgroundOperation background;
    private final Map<Integer, Command> commands;
    private final byte[] cel;

    /**
     * @param background the device's background operation slot
     * @param sets the device's command sets
     * @throws IllegalArgumentException if two commands share an opcode
     */
    CxlMailbox(BackgroundOperation background, List<CommandSet> sets) {
        this.background = background;
        Map<Integer, Command> byOpcode = new TreeMap<>();
        for (CommandSet set : sets) {
            for (Command command : set.commands()) {
                if (byOpcode.putIfAbsent(command.opcode(), command) != null) {
                    throw new IllegalArgumentException(String.format("opcode %04xh defined twice", command.opcode()));
                }
            }
        }
        this.commands = Collections.unmodifiableMap(byOpcode);
        this.cel = buildCel(byOpcode.values());
    }

    /** CEL entries are {@code { le16 opcode; le16 effect; }}, in opcode order. */
    private static byte[] buildCel(Collection<Command> commands) {
        ByteBuffer out = Bytes.out(4 * commands.size());
        for (Command command : commands) {
            out.putShort((short) command.opcode()).putShort((short) command.celEffects());
        }
        return out.array();
    }

    /** @return the Command Effects Log's content */
    byte[] cel() {
        return cel.clone();
    }

    /**
     * @param opcode the command's opcode
     * @param payload the input payload
     * @param maxResponseSize the largest output the requester accepts
     * @return the device's answer
     */
    Answer handle(int opcode, byte[] payload, int maxResponseSize) {
        lock.lock();
        try {
            background.update();
            Command command = commands.get(opcode);
            if (command == null) {
                return Answer.of(CxlReturnCode.UNSUPPORTED);
            }
            if (payload.length > PAYLOAD_SIZE) {
                return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
            }
            if (command.background() && background.running()) {
                return Answer.of(CxlReturnCode.BUSY);
            }
            if (command.needsMedia() && background.mediaDisabled()) {
                return Answer.of(CxlReturnCode.MEDIA_DISABLED);
            }
            int limit = Math.min(maxResponseSize, PAYLOAD_SIZE);
            Answer answer = command.handler().handle(new Input(payload.clone(), limit));
            return answer.payload().length > limit ? Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH) : answer;
        } finally {
            lock.unlock();
        }
    }
}
