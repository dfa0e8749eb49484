package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class FeatureCommandsTest {
    private static final String UNKNOWN_UUID = "e5b13f22-2328-4a14-b8ba-b9691e893386";

    private final Spec.Rig rig = new Spec.Rig();

    static byte[] getSupported(long count, int startIndex) {
        return Spec.fields(8, 0, count, 4, 4, startIndex, 2);
    }

    static byte[] getFeature(String uuid, int offset, int count, int selection) {
        byte[] in = Spec.fields(21, 0x10, offset, 2, 0x12, count, 2, 0x14, selection, 1);
        Spec.put(in, 0, Spec.uuid(uuid));
        return in;
    }

    static byte[] setFeature(String uuid, long flags, int offset, int version, byte... data) {
        byte[] in = new byte[32 + data.length];
        Spec.put(in, 0, Spec.uuid(uuid));
        Spec.le(in, 0x10, flags, 4);
        Spec.le(in, 0x14, offset, 2);
        in[0x16] = (byte) version;
        Spec.put(in, 32, data);
        return in;
    }

    @Test
    void supportedFeaturesListPatrolScrub() {
        byte[] expected = new byte[8 + 48];
        Spec.le(expected, 0, 1, 2); // entries returned
        Spec.le(expected, 2, 1, 2); // features the device supports
        int entry = 8;
        Spec.put(expected, entry, Spec.uuid(Spec.PATROL_SCRUB_UUID));
        Spec.le(expected, entry + 0x10, 0, 2); // feature index
        Spec.le(expected, entry + 0x12, 4, 2); // get feature size
        Spec.le(expected, entry + 0x14, 2, 2); // set feature size
        Spec.le(expected, entry + 0x16, 0x1, 4); // attribute flags: changeable
        expected[entry + 0x1a] = 1; // get feature version
        expected[entry + 0x1b] = 1; // set feature version
        Spec.le(expected, entry + 0x1c, 0x0202, 2); // set effects: immediate config change, effects valid
        assertOk(rig.call(0x0500, getSupported(8 + 48, 0)), expected);
    }

    @Test
    void aCountForTheHeaderOnlyReturnsNoEntries() {
        assertOk(rig.call(0x0500, getSupported(8 + 47, 0)), Spec.fields(8, 2, 1, 2));
    }

    @Test
    void supportedFeaturesRejectBadCountsIndexesAndLengths() {
        assertFails(rig.call(0x0500, getSupported(7, 0)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0500, getSupported(56, 1)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0500, new byte[7]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void getFeatureReadsTheCurrentAttributes() {
        // capabilities: cycle changeable; cycle 12 h, minimum 1 h; flags: enabled
        assertOk(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 0)), new byte[] {0x01, 12, 1, 0x01});
        assertOk(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 1, 2, 0)), new byte[] {12, 1});
        assertOk(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 2, 100, 0)), new byte[] {1, 0x01});
    }

    @Test
    void getFeatureRefusesWhatItCannotAnswer() {
        assertFails(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 4, 1, 0)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 1)),
                CxlReturnCode.UNSUPPORTED_FEATURE_SELECTION_VALUE);
        assertFails(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 2)),
                CxlReturnCode.UNSUPPORTED_FEATURE_SELECTION_VALUE);
        assertFails(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 3)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0501, getFeature(UNKNOWN_UUID, 0, 4, 0)), CxlReturnCode.UNSUPPORTED);
        assertFails(rig.call(0x0501, new byte[20]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void setFeatureChangesCycleAndEnable() {
        assertOk(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 1, (byte) 24, (byte) 0)), Spec.NONE);

        assertOk(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 0)), new byte[] {0x01, 24, 1, 0x00});
    }

    @Test
    void setFeatureValidatesTheData() {
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 1, (byte) 0, (byte) 1)),
                CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 1, (byte) 6, (byte) 0x02)),
                CxlReturnCode.INVALID_INPUT);
        assertOk(rig.call(0x0501, getFeature(Spec.PATROL_SCRUB_UUID, 0, 4, 0)), new byte[] {0x01, 12, 1, 0x01});
    }

    @Test
    void setFeatureRefusesOtherVersionsFeaturesAndTransfers() {
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 2, (byte) 6, (byte) 1)),
                CxlReturnCode.UNSUPPORTED_FEATURE_VERSION);
        assertFails(rig.call(0x0502, setFeature(UNKNOWN_UUID, 0, 0, 1, (byte) 6, (byte) 1)),
                CxlReturnCode.UNSUPPORTED);
        // a transfer in parts (initiate = 1) and reserved flag bits
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 1, 0, 1, (byte) 6, (byte) 1)),
                CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0x10, 0, 1, (byte) 6, (byte) 1)),
                CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 1, 1, (byte) 6)),
                CxlReturnCode.INVALID_INPUT);
    }

    @Test
    void setFeatureNeedsTheWholeData() {
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 1, (byte) 6)),
                CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x0502, setFeature(Spec.PATROL_SCRUB_UUID, 0, 0, 1, (byte) 6, (byte) 1, (byte) 0)),
                CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x0502, new byte[31]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
