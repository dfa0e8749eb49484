package io.fwgate.emulator.internal;

import io.fwgate.api.Effect;

/**
 * The Device Patrol Scrub Control feature (CXL 3.1 8.2.9.9.11.1, the UUID Linux and QEMU use): the
 * device scrubs its media once per cycle while enabled. Guarded by the mailbox's lock.
 */
final class PatrolScrub {
    static final byte[] UUID = Bytes.uuid("96dad7d6-fde8-482b-a733-75774e06db8a");
    static final int VERSION = 1;
    /** Readable attributes: u8 capabilities, u16 cycle (7:0 current, 15:8 minimum hours), u8 flags. */
    static final int GET_SIZE = 4;
    /** Writable attributes: u8 cycle in hours, u8 flags. */
    static final int SET_SIZE = 2;
    /** Capability bit 0: the scrub cycle can be changed. */
    static final int CYCLE_CHANGEABLE = 1 << 0;
    /** Flags bit 0: patrol scrub enabled; the other bits are reserved. */
    static final int ENABLED = 1 << 0;
    static final int MIN_CYCLE_HOURS = 1;
    /** Supported feature entry attribute flags bit 0: changeable. */
    static final int ATTR_CHANGEABLE = 1 << 0;
    /** Setting the feature changes the scrub configuration at once. */
    static final Effect SET_EFFECT = Effect.CONFIG_CHANGE_IMMEDIATE;

    private int cycleHours = 12;
    private boolean enabled = true;

    /** @return the readable attributes */
    byte[] read() {
        return Bytes.out(GET_SIZE)
                .put(0, (byte) CYCLE_CHANGEABLE)
                .put(1, (byte) cycleHours)
                .put(2, (byte) MIN_CYCLE_HOURS)
                .put(3, (byte) (enabled ? ENABLED : 0))
                .array();
    }

    /**
     * @param data the writable attributes, {@link #SET_SIZE} bytes
     * @return Success, or Invalid Input for a cycle below the minimum or reserved flag bits
     */
    CxlReturnCode write(byte[] data) {
        int cycle = Byte.toUnsignedInt(data[0]);
        int flags = Byte.toUnsignedInt(data[1]);
        if (cycle < MIN_CYCLE_HOURS || (flags & ~ENABLED) != 0) {
            return CxlReturnCode.INVALID_INPUT;
        }
        cycleHours = cycle;
        enabled = (flags & ENABLED) != 0;
        return CxlReturnCode.SUCCESS;
    }
}
