package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Error Information log (LID 01h): the controller records every admin command it fails, newest
 * entry first, keeping {@link #ENTRIES} entries (Identify Controller ELPE + 1). Guarded by the
 * controller's lock.
 */
final class ErrorLog {
    static final int ENTRIES = 4;
    static final int ENTRY_SIZE = 64;
    /** Parameter Error Location FFFFh: the error is not tied to one parameter. */
    static final int NO_PARAMETER = 0xffff;

    private final Deque<byte[]> newestFirst = new ArrayDeque<>();
    private long count;

    /**
     * Entry layout: u64 error count at 0, u16 SQID at 8 (0, the admin queue), u16 command id at 10,
     * u16 status field at 12 (the status in bits 15:1, phase tag 0), u16 parameter error location at 14,
     * u64 LBA at 16, u32 NSID at 24; the rest zero.
     */
    void record(int commandId, NvmeStatus status, long nsid) {
        count++;
        byte[] entry = Bytes.out(ENTRY_SIZE)
                .putLong(0, count)
                .putShort(10, (short) commandId)
                .putShort(12, (short) (status.value() << 1))
                .putShort(14, (short) NO_PARAMETER)
                .putInt(24, (int) nsid)
                .array();
        newestFirst.addFirst(entry);
        if (newestFirst.size() > ENTRIES) {
            newestFirst.removeLast();
        }
    }

    /** @return how many errors were ever recorded, the SMART log's error log entry count */
    long count() {
        return count;
    }

    /** @return the log page: {@link #ENTRIES} entries, newest first; unused entries are zero */
    byte[] bytes() {
        ByteBuffer out = Bytes.out(ENTRIES * ENTRY_SIZE);
        newestFirst.forEach(out::put);
        return out.array();
    }
}
