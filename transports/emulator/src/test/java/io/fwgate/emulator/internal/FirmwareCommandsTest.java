package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class FirmwareCommandsTest {
    private final Spec.Rig rig = new Spec.Rig();

    @Test
    void fwInfoReportsTwoSlotsWithTheFirstActive() {
        byte[] expected = new byte[0x50];
        expected[0] = 2; // FW slots supported
        expected[1] = 0x01; // slot info: active slot 1 (bits 2:0), nothing staged (bits 5:3)
        expected[2] = 0; // activation capabilities: no online activation
        Spec.putAscii(expected, 0x10, "fwgate-emu 1.0"); // slot 1 revision; slots 2-4 empty
        assertOk(rig.call(0x0200, Spec.NONE), expected);
    }

    @Test
    void fwInfoTakesNoInput() {
        assertFails(rig.call(0x0200, new byte[4]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void transferAndActivateFwAreUnsupported() {
        assertFails(rig.call(0x0201, new byte[0x80]), CxlReturnCode.UNSUPPORTED);
        assertFails(rig.call(0x0202, new byte[2]), CxlReturnCode.UNSUPPORTED);
    }
}
