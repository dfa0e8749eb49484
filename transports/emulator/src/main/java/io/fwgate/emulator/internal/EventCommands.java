package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import io.fwgate.api.Effect;

/**
 * Events command set (01h): Get Event Records (0100h) and Clear Event Records (0101h). Records stay in
 * their log until cleared, and must be cleared oldest first, as the spec requires.
 */
final class EventCommands implements CommandSet {
    static final int GET_EVENT_RECORDS = 0x0100;
    static final int CLEAR_EVENT_RECORDS = 0x0101;
    /** Get Event Records output header: flags, rsvd, overflow count, 2 timestamps, count, rsvd[10]. */
    static final int HEADER_SIZE = 0x20;
    /** Get Event Records output flags. */
    static final int MORE_RECORDS = 1 << 1;
    /** Clear Event Records input header: log, flags, handle count, rsvd[3]; u16 handles follow. */
    static final int CLEAR_HEADER_SIZE = 6;

    private final EventRecords records;

    EventCommands(EventRecords records) {
        this.records = records;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(GET_EVENT_RECORDS, "Get Event Records", this::get),
                Command.of(CLEAR_EVENT_RECORDS, "Clear Event Records", this::clear, Effect.LOG_CHANGE_IMMEDIATE));
    }

    /** Returns as many records as fit the response, setting More Event Records when some remain. */
    private Answer get(Input input) {
        if (input.length() != 1) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        int log = Byte.toUnsignedInt(input.payload()[0]);
        if (log >= EventRecords.LOG_COUNT) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        Deque<EventRecords.Entry> entries = records.log(log);
        int fit = Math.max(0, (input.responseLimit() - HEADER_SIZE) / EventRecords.RECORD_SIZE);
        int count = Math.min(fit, entries.size());
        ByteBuffer out = Bytes.out(HEADER_SIZE + count * EventRecords.RECORD_SIZE);
        out.put(0, (byte) (count < entries.size() ? MORE_RECORDS : 0));
        out.putShort(0x14, (short) count);
        out.position(HEADER_SIZE);
        Iterator<EventRecords.Entry> oldestFirst = entries.iterator();
        for (int i = 0; i < count; i++) {
            out.put(oldestFirst.next().bytes());
        }
        return Answer.ok(out.array());
    }

    private Answer clear(Input input) {
        if (input.length() < CLEAR_HEADER_SIZE) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        ByteBuffer in = input.le();
        int log = Byte.toUnsignedInt(in.get(0));
        int flags = Byte.toUnsignedInt(in.get(1));
        int handles = Byte.toUnsignedInt(in.get(2));
        if (input.length() != CLEAR_HEADER_SIZE + 2 * handles) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        // flags bit 0, Clear All Events, is only allowed on an overflowed log and these logs never
        // overflow; bits 7:1 are reserved
        if (log >= EventRecords.LOG_COUNT || flags != 0) {
            return Answer.of(CxlReturnCode.INVALID_INPUT);
        }
        Deque<EventRecords.Entry> entries = records.log(log);
        if (!clearsOldestFirst(in, handles, entries)) {
            return Answer.of(CxlReturnCode.INVALID_HANDLE);
        }
        for (int i = 0; i < handles; i++) {
            entries.removeFirst();
        }
        return Answer.ok();
    }

    /**
     * The spec: if an older record would stay while a newer one is cleared, the device returns Invalid
     * Handle and clears nothing. So the handles must be those of the oldest records, in order.
     */
    private static boolean clearsOldestFirst(ByteBuffer in, int handles, Deque<EventRecords.Entry> entries) {
        if (handles > entries.size()) {
            return false;
        }
        Iterator<EventRecords.Entry> oldestFirst = entries.iterator();
        for (int i = 0; i < handles; i++) {
            if (Bytes.u16(in, CLEAR_HEADER_SIZE + 2 * i) != oldestFirst.next().handle()) {
                return false;
            }
        }
        return true;
    }
}
