package io.fwgate.emulator.internal;

/**
 * The device health information block: the Get Health Info (4200h) output, also embedded in Memory
 * Module event records.
 *
 * @param healthStatus bit 0 maintenance needed, bit 1 performance degraded, bit 2 replacement needed
 * @param mediaStatus 00h normal
 * @param additionalStatus bits 1:0 life used, 3:2 temperature, 4 and 5 corrected error counts
 * @param lifeUsed percent of life used
 * @param temperature device temperature, degrees Celsius
 * @param dirtyShutdowns dirty shutdown count
 * @param correctedVolatileErrors corrected volatile error count
 * @param correctedPersistentErrors corrected persistent error count
 */
record HealthInfo(int healthStatus, int mediaStatus, int additionalStatus, int lifeUsed, int temperature,
        long dirtyShutdowns, long correctedVolatileErrors, long correctedPersistentErrors) {
    /** CXL 3.x Get Health Info output size: 4 x u8, s16, 3 x u32. */
    static final int SIZE = 0x12;

    byte[] bytes() {
        return Bytes.out(SIZE)
                .put(0, (byte) healthStatus)
                .put(1, (byte) mediaStatus)
                .put(2, (byte) additionalStatus)
                .put(3, (byte) lifeUsed)
                .putShort(4, (short) temperature)
                .putInt(6, (int) dirtyShutdowns)
                .putInt(0x0a, (int) correctedVolatileErrors)
                .putInt(0x0e, (int) correctedPersistentErrors)
                .array();
    }
}
