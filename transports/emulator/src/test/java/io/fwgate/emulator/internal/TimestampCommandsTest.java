package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class TimestampCommandsTest {
    private static final long NOV_2023 = 1_700_000_000_000_000_000L;

    private final Spec.Rig rig = new Spec.Rig();

    private static byte[] u64(long value) {
        return Spec.fields(8, 0, value, 8);
    }

    @Test
    void anUnsetClockReadsZero() {
        rig.advanceMillis(10_000);
        assertOk(rig.call(0x0300, Spec.NONE), u64(0));
    }

    @Test
    void aSetClockAdvancesWithTime() {
        assertOk(rig.call(0x0301, u64(NOV_2023)), Spec.NONE);
        assertOk(rig.call(0x0300, Spec.NONE), u64(NOV_2023));

        rig.advanceMillis(1_500);

        assertOk(rig.call(0x0300, Spec.NONE), u64(NOV_2023 + 1_500_000_000L));
    }

    @Test
    void settingAgainReplacesTheTime() {
        rig.call(0x0301, u64(NOV_2023));
        rig.advanceMillis(700);
        rig.call(0x0301, u64(42));

        assertOk(rig.call(0x0300, Spec.NONE), u64(42));
    }

    @Test
    void setNeedsExactlyEightBytesAndGetNone() {
        assertFails(rig.call(0x0301, new byte[7]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x0301, new byte[9]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x0300, new byte[8]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertOk(rig.call(0x0300, Spec.NONE), u64(0));
    }
}
