package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class MemoryDeviceCommandsTest {
    private final Spec.Rig rig = new Spec.Rig();

    @Test
    void identifyMemoryDeviceReportsCapacitiesLabelsAndLogs() {
        byte[] expected = Spec.fields(0x45,
                0x10, 4, 8, // total capacity: 4 x 256 MiB
                0x18, 2, 8, // volatile only: 512 MiB
                0x20, 2, 8, // persistent only: 512 MiB
                0x28, 0, 8, // partition alignment: not partitionable
                0x30, 8, 2, // informational event log size
                0x32, 8, 2, // warning
                0x34, 8, 2, // failure
                0x36, 8, 2, // fatal
                0x38, 128 * 1024, 4, // LSA size
                0x3c, 256, 3, // poison list maximum media error records
                0x3f, 0, 2, // inject poison limit
                0x41, 0, 1, // poison handling capabilities
                0x42, 0, 1, // QoS telemetry capabilities
                0x43, 0, 2); // dynamic capacity event log size
        Spec.putAscii(expected, 0, "fwgate-emu 1.0");
        assertOk(rig.call(0x4000, Spec.NONE), expected);
    }

    @Test
    void healthInfoReportsAHealthyDevice() {
        byte[] expected = Spec.fields(0x12,
                0x00, 0, 1, // health status
                0x01, 0, 1, // media status: normal
                0x02, 0, 1, // additional status
                0x03, 3, 1, // life used %
                0x04, 38, 2, // device temperature, degrees C
                0x06, 0, 4, // dirty shutdown count
                0x0a, 0, 4, // corrected volatile error count
                0x0e, 0, 4); // corrected persistent error count
        assertOk(rig.call(0x4200, Spec.NONE), expected);
    }

    @Test
    void bothTakeNoInput() {
        assertFails(rig.call(0x4000, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x4200, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void anOutputLargerThanTheRequesterAcceptsIsAnInvalidPayloadLength() {
        assertFails(rig.device.handle(0x4000, Spec.NONE, 0x44), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
