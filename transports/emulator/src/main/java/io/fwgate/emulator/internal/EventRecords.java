package io.fwgate.emulator.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The device's four event logs (informational, warning, failure, fatal), oldest record first, seeded
 * with a few Memory Module event records. Guarded by the mailbox's lock.
 */
final class EventRecords {
    /** Event log ids: informational, warning, failure, fatal. */
    static final int INFORMATIONAL = 0;
    static final int WARNING = 1;
    static final int LOG_COUNT = 4;
    /** Every event record is 128 bytes: the 48-byte common header, then 80 bytes of event data. */
    static final int RECORD_SIZE = 128;
    /** CXL 3.x Memory Module Event Record UUID. */
    static final byte[] MEMORY_MODULE_UUID = Bytes.uuid("fe927475-dd59-4339-a586-79bab113b774");
    /** Memory Module device event types. */
    static final int LIFE_USED_CHANGE = 0x02;
    static final int TEMPERATURE_CHANGE = 0x03;

    /**
     * One stored record.
     *
     * @param handle its event record handle (never 0)
     * @param bytes its 128 bytes
     */
    record Entry(int handle, byte[] bytes) {
    }

    private final List<Deque<Entry>> logs = new ArrayList<>();

    /**
     * @param health the health block the informational records carry
     */
    EventRecords(HealthInfo health) {
        for (int log = 0; log < LOG_COUNT; log++) {
            logs.add(new ArrayDeque<>());
        }
        HealthInfo hot = new HealthInfo(health.healthStatus(), health.mediaStatus(), 0x04, health.lifeUsed(), 72,
                health.dirtyShutdowns(), health.correctedVolatileErrors(), health.correctedPersistentErrors());
        add(INFORMATIONAL, memoryModule(1, INFORMATIONAL, LIFE_USED_CHANGE, health));
        add(INFORMATIONAL, memoryModule(2, INFORMATIONAL, TEMPERATURE_CHANGE, health));
        add(WARNING, memoryModule(3, WARNING, TEMPERATURE_CHANGE, hot));
    }

    private void add(int log, byte[] record) {
        logs.get(log).addLast(new Entry(Bytes.u16(Bytes.in(record), 0x14), record));
    }

    /** @return the records of {@code log}, oldest first; the caller may remove from the front */
    Deque<Entry> log(int log) {
        return logs.get(log);
    }

    /**
     * Builds a Memory Module event record. Common header: UUID at 00h, length at 10h, flags (bits 1:0
     * severity) at 11h, handle at 14h, related handle at 16h, timestamp at 18h, maintenance class at
     * 20h; event data from 30h: device event type, then the health information block.
     */
    static byte[] memoryModule(int handle, int severity, int eventType, HealthInfo health) {
        // no timestamp: the samples predate any Set Timestamp, and an unset device clock reads 0
        return Bytes.out(RECORD_SIZE)
                .put(MEMORY_MODULE_UUID)
                .put(0x10, (byte) RECORD_SIZE)
                .put(0x11, (byte) severity)
                .putShort(0x14, (short) handle)
                .put(0x30, (byte) eventType)
                .put(0x31, health.bytes())
                .array();
    }
}
