package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;

import org.junit.jupiter.api.Test;

class LsaCommandsTest {
    static final int LSA_SIZE = 128 * 1024;

    private final Spec.Rig rig = new Spec.Rig();

    static byte[] getLsa(long offset, long length) {
        return Spec.fields(8, 0, offset, 4, 4, length, 4);
    }

    static byte[] setLsa(long offset, byte... data) {
        byte[] in = Spec.fields(8 + data.length, 0, offset, 4);
        Spec.put(in, 8, data);
        return in;
    }

    @Test
    void aFreshAreaReadsZeroInOneCall() {
        assertOk(rig.call(0x4102, getLsa(0, LSA_SIZE)), new byte[LSA_SIZE]);
    }

    @Test
    void writtenLabelsReadBack() {
        assertOk(rig.call(0x4103, setLsa(0x100, (byte) 1, (byte) 2, (byte) 3)), Spec.NONE);
        assertOk(rig.call(0x4103, setLsa(LSA_SIZE - 1, (byte) 9)), Spec.NONE);

        assertOk(rig.call(0x4102, getLsa(0xff, 5)), new byte[] {0, 1, 2, 3, 0});
        assertOk(rig.call(0x4102, getLsa(LSA_SIZE - 1, 1)), new byte[] {9});
    }

    @Test
    void accessBeyondTheAreaIsInvalidInput() {
        assertFails(rig.call(0x4102, getLsa(LSA_SIZE - 1, 2)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x4102, getLsa(1, 0xffff_ffffL)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x4102, getLsa(0xffff_ffffL, 1)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x4103, setLsa(LSA_SIZE - 1, (byte) 1, (byte) 2)), CxlReturnCode.INVALID_INPUT);
        assertFails(rig.call(0x4103, setLsa(0xffff_ffffL, (byte) 1)), CxlReturnCode.INVALID_INPUT);
    }

    @Test
    void setLsaRefusesANonZeroReservedField() {
        byte[] in = setLsa(0, (byte) 7);
        in[4] = 1;
        assertFails(rig.call(0x4103, in), CxlReturnCode.INVALID_INPUT);
        assertOk(rig.call(0x4102, getLsa(0, 1)), new byte[] {0});
    }

    @Test
    void headersMustBeComplete() {
        assertFails(rig.call(0x4102, new byte[7]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x4102, new byte[9]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(rig.call(0x4103, new byte[7]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }
}
