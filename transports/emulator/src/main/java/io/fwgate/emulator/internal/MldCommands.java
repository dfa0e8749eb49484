package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.List;

import io.fwgate.api.Effect;

/**
 * FM API MLD Components command set (54h) of an MLD's FM-owned LD: Get LD Info (5400h), Get LD
 * Allocations (5401h) and Set LD Allocations (5402h), layouts as CXL 3.x section 7.6.7.4 (and libcxlmi)
 * give them. The MLD has 1 GiB in 256 MiB units (granularity code 0); each LD starts with two units in
 * range 1. Set LD Allocations takes effect at once and refuses a total above the MLD's capacity. The
 * LDs' own capacity reports (Identify Memory Device) are those of the type 3 model and do not follow.
 * Guarded by the FM-owned LD mailbox's lock.
 */
final class MldCommands implements CommandSet {
    static final int GET_LD_INFO = 0x5400;
    static final int GET_LD_ALLOCATIONS = 0x5401;
    static final int SET_LD_ALLOCATIONS = 0x5402;
    static final long UNIT_BYTES = 256L << 20;
    static final int UNITS = 4;
    /** Get LD Info output: u64 memory size, u16 LD count, u8 QoS telemetry capability. */
    static final int LD_INFO_SIZE = 11;
    /** One LD allocation list entry: u64 range 1 multiplier, u64 range 2 multiplier. */
    static final int ENTRY_SIZE = 16;
    static final int LIST_HEADER_SIZE = 4;

    private final long[][] allocations;

    /**
     * @param ldCount the MLD's LDs, each with two units in range 1
     */
    MldCommands(int ldCount) {
        allocations = new long[ldCount][2];
        for (long[] ld : allocations) {
            ld[0] = 2;
        }
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_LD_INFO, "Get LD Info", this::info),
                Command.of(GET_LD_ALLOCATIONS, "Get LD Allocations", this::get),
                Command.of(SET_LD_ALLOCATIONS, "Set LD Allocations", this::set, Effect.CONFIG_CHANGE_IMMEDIATE));
    }

    private Answer info(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(Bytes.out(LD_INFO_SIZE).putLong(0, UNITS * UNIT_BYTES)
                .putShort(8, (short) allocations.length).array());
    }

    /** Input: u8 start LD id, u8 list limit. Output: u8 LD count, u8 granularity, u8 start, u8 entries, list. */
    private Answer get(Input input) {
        if (input.length() != 2) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        int start = Byte.toUnsignedInt(input.payload()[0]);
        int limit = Byte.toUnsignedInt(input.payload()[1]);
        if (start >= allocations.length || limit == 0) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        int count = Math.min(limit, allocations.length - start);
        ByteBuffer out = Bytes.out(LIST_HEADER_SIZE + count * ENTRY_SIZE).put(0, (byte) allocations.length)
                .put(2, (byte) start).put(3, (byte) count);
        writeList(out, start, count);
        return Answer.ok(out.array());
    }

    /** Input and output: u8 number of LDs, u8 start LD id, 2 reserved bytes, then the list. */
    private Answer set(Input input) {
        byte[] in = input.payload();
        if (in.length < LIST_HEADER_SIZE || in.length != LIST_HEADER_SIZE + Byte.toUnsignedInt(in[0]) * ENTRY_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        int count = Byte.toUnsignedInt(in[0]);
        int start = Byte.toUnsignedInt(in[1]);
        ByteBuffer le = input.le();
        if (count == 0 || start + count > allocations.length || le.getShort(2) != 0
                || total(le, start, count) > UNITS) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        for (int i = 0; i < count; i++) {
            allocations[start + i][0] = le.getLong(LIST_HEADER_SIZE + i * ENTRY_SIZE);
            allocations[start + i][1] = le.getLong(LIST_HEADER_SIZE + i * ENTRY_SIZE + 8);
        }
        ByteBuffer out = Bytes.out(in.length).put(0, (byte) count).put(1, (byte) start);
        writeList(out, start, count);
        return Answer.ok(out.array());
    }

    /** @return the units all LDs would have with the request applied; huge values count as too many */
    private long total(ByteBuffer in, int start, int count) {
        long total = 0;
        for (int ld = 0; ld < allocations.length; ld++) {
            boolean changed = ld >= start && ld < start + count;
            for (int range = 0; range < 2; range++) {
                long units = changed ? in.getLong(LIST_HEADER_SIZE + (ld - start) * ENTRY_SIZE + range * 8)
                        : allocations[ld][range];
                if (units < 0 || units > UNITS) {
                    return Long.MAX_VALUE;
                }
                total += units;
            }
        }
        return total;
    }

    private void writeList(ByteBuffer out, int start, int count) {
        for (int i = 0; i < count; i++) {
            out.putLong(LIST_HEADER_SIZE + i * ENTRY_SIZE, allocations[start + i][0]);
            out.putLong(LIST_HEADER_SIZE + i * ENTRY_SIZE + 8, allocations[start + i][1]);
        }
    }
}
