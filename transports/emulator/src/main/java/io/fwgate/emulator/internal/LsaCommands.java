package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.fwgate.api.Effect;

/**
 * The label storage area and its commands: Get LSA (4102h) and Set LSA (4103h). Both access storage a
 * sanitize erases, so they fail with Media Disabled while one runs.
 */
final class LsaCommands implements CommandSet {
    static final int GET_LSA = 0x4102;
    static final int SET_LSA = 0x4103;
    /** Get LSA input: u32 offset, u32 length. Set LSA input: u32 offset, u32 reserved, data. */
    static final int HEADER_SIZE = 8;

    private final byte[] lsa;

    /**
     * @param size the area's size in bytes
     */
    LsaCommands(int size) {
        this.lsa = new byte[size];
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.onMedia(GET_LSA, "Get LSA", this::get),
                // labels configure the device's namespaces and are data a host stored: QEMU's CEL says both
                Command.onMedia(SET_LSA, "Set LSA", this::set, Effect.CONFIG_CHANGE_IMMEDIATE,
                        Effect.DATA_CHANGE_IMMEDIATE));
    }

    /** Zeroes the whole area, as a sanitize does. */
    void erase() {
        Arrays.fill(lsa, (byte) 0);
    }

    private Answer get(Input input) {
        if (input.length() != HEADER_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        ByteBuffer in = input.le();
        long offset = Bytes.u32(in, 0);
        long length = Bytes.u32(in, 4);
        if (offset + length > lsa.length) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        return Answer.ok(Arrays.copyOfRange(lsa, (int) offset, (int) (offset + length)));
    }

    private Answer set(Input input) {
        if (input.length() < HEADER_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        ByteBuffer in = input.le();
        long offset = Bytes.u32(in, 0);
        int length = input.length() - HEADER_SIZE;
        if (in.getInt(4) != 0 || offset + length > lsa.length) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        System.arraycopy(input.payload(), HEADER_SIZE, lsa, (int) offset, length);
        return Answer.ok();
    }
}
