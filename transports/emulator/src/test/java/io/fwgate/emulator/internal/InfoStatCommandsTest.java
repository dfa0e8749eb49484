package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class InfoStatCommandsTest {
    private final Spec.Rig rig = new Spec.Rig();

    @Test
    void identifyReportsPciIdsSerialMessageSizeAndComponentType() {
        byte[] expected = Spec.fields(18,
                0x00, 0x8086, 2, // PCIe vendor id
                0x02, 0x0d93, 2, // PCIe device id
                0x04, 0x8086, 2, // subsystem vendor id
                0x06, 0x0001, 2, // subsystem id
                0x08, 0xc0ffee00L, 8, // serial number
                0x10, 20, 1, // max message size 2^20: the 1 MiB payload
                0x11, 0x03, 1); // component type: CXL type 3 device
        assertOk(rig.call(0x0001, Spec.NONE), expected);
    }

    @Test
    void identifyTakesNoInput() {
        assertFails(rig.call(0x0001, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void backgroundStatusIsIdleAndEmptyBeforeAnyOperation() {
        assertOk(rig.call(0x0002, Spec.NONE), new byte[8]);
    }

    @Test
    void backgroundStatusTakesNoInput() {
        assertFails(rig.call(0x0002, new byte[2]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
