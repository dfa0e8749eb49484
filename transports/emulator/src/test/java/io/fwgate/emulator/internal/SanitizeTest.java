package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizeTest {
    private static final int SANITIZE = 0x4400;
    private static final int STATUS = 0x0002;

    private final Spec.Rig rig = new Spec.Rig();

    /** Background Operation Status: bit 0 in progress, bits 7:1 percent; opcode at 2; return code at 4. */
    private static byte[] status(boolean running, int percent, int opcode, int returnCode) {
        return Spec.fields(8, 0, percent << 1 | (running ? 1 : 0), 1, 2, opcode, 2, 4, returnCode, 2);
    }

    private Answer startSanitize() {
        return rig.call(SANITIZE, Spec.NONE);
    }

    @Test
    void sanitizeStartsInTheBackground() {
        Answer answer = startSanitize();

        assertThat(answer.code()).isEqualTo(CxlReturnCode.BACKGROUND_COMMAND_STARTED);
        assertThat(answer.code().code()).isEqualTo(1);
        assertThat(answer.payload()).isEmpty();
        assertOk(rig.call(STATUS, Spec.NONE), status(true, 0, SANITIZE, 0));
    }

    @Test
    void progressFollowsTheClock() {
        startSanitize();

        rig.advanceMillis(2_500);
        assertOk(rig.call(STATUS, Spec.NONE), status(true, 50, SANITIZE, 0));

        rig.advanceMillis(2_499);
        assertOk(rig.call(STATUS, Spec.NONE), status(true, 99, SANITIZE, 0));

        rig.advanceMillis(1);
        assertOk(rig.call(STATUS, Spec.NONE), status(false, 100, SANITIZE, 0));
    }

    @Test
    void anotherBackgroundCommandIsBusyAndMediaCommandsAreDisabledWhileItRuns() {
        startSanitize();
        rig.advanceMillis(1_000);

        assertFails(startSanitize(), CxlReturnCode.BUSY);
        assertFails(rig.call(0x4102, LsaCommandsTest.getLsa(0, 16)), CxlReturnCode.MEDIA_DISABLED);
        assertFails(rig.call(0x4103, LsaCommandsTest.setLsa(0, (byte) 1)), CxlReturnCode.MEDIA_DISABLED);
        assertThat(rig.call(0x4200, Spec.NONE).code()).isEqualTo(CxlReturnCode.SUCCESS);
        assertThat(rig.call(0x0001, Spec.NONE).code()).isEqualTo(CxlReturnCode.SUCCESS);
    }

    @Test
    void aCompletedSanitizeHasZeroedTheLabelStorage() {
        rig.call(0x4103, LsaCommandsTest.setLsa(0x40, (byte) 0xaa, (byte) 0xbb));
        startSanitize();

        rig.advanceMillis(5_000);

        assertOk(rig.call(0x4102, LsaCommandsTest.getLsa(0, LsaCommandsTest.LSA_SIZE)),
                new byte[LsaCommandsTest.LSA_SIZE]);
    }

    @Test
    void aSecondSanitizeCanStartOnceTheFirstIsDone() {
        startSanitize();
        rig.advanceMillis(5_000);

        assertThat(startSanitize().code()).isEqualTo(CxlReturnCode.BACKGROUND_COMMAND_STARTED);
        assertOk(rig.call(STATUS, Spec.NONE), status(true, 0, SANITIZE, 0));
    }

    @Test
    void sanitizeTakesNoInputAndStartsNothingWithOne() {
        assertFails(rig.call(SANITIZE, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertOk(rig.call(STATUS, Spec.NONE), new byte[8]);
    }
}
