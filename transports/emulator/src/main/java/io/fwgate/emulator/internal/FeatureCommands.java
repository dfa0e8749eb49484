package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Features command set (05h): Get Supported Features (0500h), Get Feature (0501h) and Set Feature
 * (0502h), for the one feature this device has: {@link PatrolScrub}. Only the current value can be
 * read (no default or saved selection) and only full data transfers are accepted: the feature's data
 * is two bytes, so a transfer in parts is never needed.
 */
final class FeatureCommands implements CommandSet {
    static final int GET_SUPPORTED_FEATURES = 0x0500;
    static final int GET_FEATURE = 0x0501;
    static final int SET_FEATURE = 0x0502;
    /** Get Supported Features input: u32 count (bytes), u16 start index, rsvd[2]. */
    static final int SUPPORTED_INPUT_SIZE = 8;
    /** Get Supported Features output header: u16 entries, u16 features supported, rsvd[4]. */
    static final int SUPPORTED_HEADER_SIZE = 8;
    /** Supported Feature Entry: UUID, index, sizes, attribute flags, versions, effects, rsvd[18]. */
    static final int ENTRY_SIZE = 48;
    /** Get Feature input: UUID, u16 offset, u16 count, u8 selection. */
    static final int GET_INPUT_SIZE = 21;
    /** Set Feature input header: UUID, u32 flags, u16 offset, u8 version, rsvd[9]; data follows. */
    static final int SET_HEADER_SIZE = 32;
    static final int SELECTION_SAVED = 2;
    /** Set Feature flags: bits 2:0 data transfer (0 full), bit 3 saved across reset, 31:4 reserved. */
    static final int TRANSFER_MASK = 0x7;
    static final int FLAGS_DEFINED = 0xf;
    private static final int FEATURES = 1;

    private final PatrolScrub scrub;

    FeatureCommands(PatrolScrub scrub) {
        this.scrub = scrub;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_SUPPORTED_FEATURES, "Get Supported Features", this::supported),
                Command.of(GET_FEATURE, "Get Feature", this::get),
                Command.of(SET_FEATURE, "Set Feature", this::set, PatrolScrub.SET_EFFECT));
    }

    private Answer supported(Input input) {
        if (input.length() != SUPPORTED_INPUT_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        ByteBuffer in = input.le();
        long count = Bytes.u32(in, 0);
        int start = Bytes.u16(in, 4);
        if (count < SUPPORTED_HEADER_SIZE || start >= FEATURES) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        int entries = (int) Math.min((count - SUPPORTED_HEADER_SIZE) / ENTRY_SIZE, FEATURES - start);
        ByteBuffer out = Bytes.out(SUPPORTED_HEADER_SIZE + entries * ENTRY_SIZE)
                .putShort(0, (short) entries)
                .putShort(2, (short) FEATURES);
        if (entries == 1) {
            out.put(SUPPORTED_HEADER_SIZE, scrubEntry());
        }
        return Answer.ok(out.array());
    }

    private static byte[] scrubEntry() {
        int effects = Command.effectWord(Set.of(PatrolScrub.SET_EFFECT));
        return Bytes.out(ENTRY_SIZE)
                .put(PatrolScrub.UUID)
                .putShort(0x10, (short) 0)
                .putShort(0x12, (short) PatrolScrub.GET_SIZE)
                .putShort(0x14, (short) PatrolScrub.SET_SIZE)
                .putInt(0x16, PatrolScrub.ATTR_CHANGEABLE)
                .put(0x1a, (byte) PatrolScrub.VERSION)
                .put(0x1b, (byte) PatrolScrub.VERSION)
                .putShort(0x1c, (short) effects)
                .array();
    }

    private Answer get(Input input) {
        if (input.length() != GET_INPUT_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        if (!Bytes.uuidAt(input.payload(), 0, PatrolScrub.UUID)) {
            return Answer.of(CxlReturnCode.UNSUPPORTED);
        }
        ByteBuffer in = input.le();
        int offset = Bytes.u16(in, 0x10);
        int count = Bytes.u16(in, 0x12);
        int selection = Byte.toUnsignedInt(in.get(0x14));
        if (selection > SELECTION_SAVED) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        if (selection != 0) {
            return Answer.of(CxlReturnCode.UNSUPPORTED_FEATURE_SELECTION_VALUE);
        }
        if (offset >= PatrolScrub.GET_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        int end = offset + Math.min(count, PatrolScrub.GET_SIZE - offset);
        return Answer.ok(Arrays.copyOfRange(scrub.read(), offset, end));
    }

    private Answer set(Input input) {
        if (input.length() < SET_HEADER_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        if (!Bytes.uuidAt(input.payload(), 0, PatrolScrub.UUID)) {
            return Answer.of(CxlReturnCode.UNSUPPORTED);
        }
        ByteBuffer in = input.le();
        long flags = Bytes.u32(in, 0x10);
        int offset = Bytes.u16(in, 0x14);
        int version = Byte.toUnsignedInt(in.get(0x16));
        if ((flags & ~FLAGS_DEFINED) != 0 || (flags & TRANSFER_MASK) != 0 || offset != 0) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        if (version != PatrolScrub.VERSION) {
            return Answer.of(CxlReturnCode.UNSUPPORTED_FEATURE_VERSION);
        }
        if (input.length() != SET_HEADER_SIZE + PatrolScrub.SET_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.of(scrub.write(Arrays.copyOfRange(input.payload(), SET_HEADER_SIZE, input.length())));
    }
}
