package io.fwgate.emulator.internal;

import java.util.List;
import java.util.function.LongSupplier;

import io.fwgate.api.Effect;

/**
 * Timestamp command set (03h): Get Timestamp (0300h) and Set Timestamp (0301h). The device clock
 * reads 0 until set; once set it advances with the injected nanosecond source.
 */
final class TimestampCommands implements CommandSet {
    static final int GET_TIMESTAMP = 0x0300;
    static final int SET_TIMESTAMP = 0x0301;

    private final LongSupplier nanos;
    private boolean set;
    private long timestamp;
    private long setAtNanos;

    TimestampCommands(LongSupplier nanos) {
        this.nanos = nanos;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_TIMESTAMP, "Get Timestamp", this::get),
                // QEMU's CEL and the spec's intent: the host sets the device's time policy
                Command.of(SET_TIMESTAMP, "Set Timestamp", this::set, Effect.POLICY_CHANGE_IMMEDIATE));
    }

    private Answer get(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        long now = set ? timestamp + (nanos.getAsLong() - setAtNanos) : 0;
        return Answer.ok(Bytes.out(8).putLong(0, now).array());
    }

    /** Input: u64 nanoseconds since midnight 1 January 1970 UTC. */
    private Answer set(Input input) {
        if (input.length() != 8) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        timestamp = input.le().getLong(0);
        setAtNanos = nanos.getAsLong();
        set = true;
        return Answer.ok();
    }
}
