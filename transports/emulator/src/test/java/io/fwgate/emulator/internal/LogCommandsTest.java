package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LogCommandsTest {
    /** The CEL this device must report: { opcode, effect word } in opcode order, bit 9 "effects valid" on all. */
    static final int[][] EXPECTED_CEL = {
        {0x0001, 0x0200}, // Identify
        {0x0002, 0x0200}, // Background Operation Status
        {0x0100, 0x0200}, // Get Event Records
        {0x0101, 0x0210}, // Clear Event Records: immediate log change (bit 4)
        {0x0200, 0x0200}, // Get FW Info
        {0x0300, 0x0200}, // Get Timestamp
        {0x0301, 0x0208}, // Set Timestamp: immediate policy change (bit 3)
        {0x0400, 0x0200}, // Get Supported Logs
        {0x0401, 0x0200}, // Get Log
        {0x0500, 0x0200}, // Get Supported Features
        {0x0501, 0x0200}, // Get Feature
        {0x0502, 0x0202}, // Set Feature: immediate configuration change (bit 1), as patrol scrub's entry says
        {0x4000, 0x0200}, // Identify Memory Device
        {0x4102, 0x0200}, // Get LSA
        {0x4103, 0x0206}, // Set LSA: immediate configuration (bit 1) and data (bit 2) change
        {0x4200, 0x0200}, // Get Health Info
        {0x4400, 0x0264}, // Sanitize: data change (2), security state change (5), background operation (6)
    };

    private final Spec.Rig rig = new Spec.Rig();

    static byte[] expectedCel() {
        byte[] cel = new byte[4 * EXPECTED_CEL.length];
        for (int i = 0; i < EXPECTED_CEL.length; i++) {
            Spec.le(cel, 4 * i, EXPECTED_CEL[i][0], 2);
            Spec.le(cel, 4 * i + 2, EXPECTED_CEL[i][1], 2);
        }
        return cel;
    }

    static byte[] getLog(String uuid, long offset, long length) {
        byte[] in = new byte[0x18];
        Spec.put(in, 0, Spec.uuid(uuid));
        Spec.le(in, 0x10, offset, 4);
        Spec.le(in, 0x14, length, 4);
        return in;
    }

    @Test
    void supportedLogsListTheCelWithItsSize() {
        byte[] expected = new byte[0x1c];
        Spec.le(expected, 0, 1, 2); // one entry
        Spec.put(expected, 8, Spec.uuid(Spec.CEL_UUID));
        Spec.le(expected, 0x18, 4 * EXPECTED_CEL.length, 4);
        assertOk(rig.call(0x0400, Spec.NONE), expected);
    }

    @Test
    void supportedLogsTakeNoInput() {
        assertFails(rig.call(0x0400, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void theCelListsEverySupportedOpcodeWithEffectsTrueToItsBehaviour() {
        byte[] cel = expectedCel();
        assertOk(rig.call(0x0401, getLog(Spec.CEL_UUID, 0, cel.length)), cel);
    }

    @Test
    void theCelCanBeReadInParts() {
        byte[] cel = expectedCel();
        assertOk(rig.call(0x0401, getLog(Spec.CEL_UUID, 8, 12)), Arrays.copyOfRange(cel, 8, 20));
        assertOk(rig.call(0x0401, getLog(Spec.CEL_UUID, cel.length, 0)), Spec.NONE);
    }

    @Test
    void anUnknownLogIsAnInvalidLog() {
        assertFails(rig.call(0x0401, getLog("5e1819d9-11a9-400c-811f-d60719403d86", 0, 4)), CxlReturnCode.INVALID_LOG);
    }

    @Test
    void readingBeyondTheLogOrAboveThePayloadSizeIsInvalidInput() {
        int size = expectedCel().length;
        assertFails(rig.call(0x0401, getLog(Spec.CEL_UUID, 0, size + 1)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0401, getLog(Spec.CEL_UUID, size, 1)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0401, getLog(Spec.CEL_UUID, 0xffff_ffffL, 4)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0401, getLog(Spec.CEL_UUID, 0, (1 << 20) + 1)), CxlReturnCode.INVALID_INPUT);
    }

    @Test
    void getLogNeedsItsExactInput() {
        assertFails(rig.call(0x0401, Arrays.copyOf(getLog(Spec.CEL_UUID, 0, 4), 0x17)),
                CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x0401, Arrays.copyOf(getLog(Spec.CEL_UUID, 0, 4), 0x19)),
                CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void aPartLargerThanTheRequesterAcceptsIsAnInvalidPayloadLength() {
        assertFails(rig.device.handle(0x0401, getLog(Spec.CEL_UUID, 0, 16), 15), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
