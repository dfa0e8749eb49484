package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Logs command set (04h): Get Supported Logs (0400h) and Get Log (0401h). The one log is the Command
 * Effects Log.
 */
final class LogCommands implements CommandSet {
    static final int GET_SUPPORTED_LOGS = 0x0400;
    static final int GET_LOG = 0x0401;
    static final byte[] CEL_UUID = Bytes.uuid("0da9c0b5-bf41-4b78-8f79-96b1623b3f17");
    /** Get Supported Logs output: u16 entries, rsvd[6], then 20-byte entries {UUID, u32 size}. */
    static final int SUPPORTED_LOGS_SIZE = 8 + 20;
    /** Get Log input: UUID, u32 offset, u32 length. */
    static final int GET_LOG_INPUT_SIZE = 0x18;

    private final Supplier<byte[]> cel;

    /**
     * @param cel the Command Effects Log's content
     */
    LogCommands(Supplier<byte[]> cel) {
        this.cel = cel;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_SUPPORTED_LOGS, "Get Supported Logs", this::supported),
                Command.of(GET_LOG, "Get Log", this::log));
    }

    private Answer supported(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(Bytes.out(SUPPORTED_LOGS_SIZE)
                .putShort(0, (short) 1)
                .put(8, CEL_UUID)
                .putInt(0x18, cel.get().length)
                .array());
    }

    private Answer log(Input input) {
        if (input.length() != GET_LOG_INPUT_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        if (!Bytes.uuidAt(input.payload(), 0, CEL_UUID)) {
            return Answer.of(CxlReturnCode.INVALID_LOG);
        }
        ByteBuffer in = input.le();
        long offset = Bytes.u32(in, 0x10);
        long length = Bytes.u32(in, 0x14);
        byte[] log = cel.get();
        // the spec: Invalid Input when offset or length reach beyond the log's size, and a length
        // above the payload size can never be answered
        if (length > CxlMailbox.PAYLOAD_SIZE || offset + length > log.length) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        return Answer.ok(Arrays.copyOfRange(log, (int) offset, (int) (offset + length)));
    }
}
