package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmeSanitizeTest {
    /** SANACT values (cdw10 bits 2:0) and SSTAT values. */
    private static final int EXIT_FAILURE = 1;
    private static final int BLOCK_ERASE = 2;
    private static final int OVERWRITE = 3;
    private static final int CRYPTO_ERASE = 4;
    private static final int NEVER = 0;
    private static final int COMPLETED = 1;
    private static final int IN_PROGRESS = 2;
    private static final int GLOBAL_DATA_ERASED = 1 << 8;

    private final Nvme.Rig rig = new Nvme.Rig();

    private int sprog() {
        return Nvme.u16(rig.logPage(0x81, 512), 0);
    }

    private int sstat() {
        return Nvme.u16(rig.logPage(0x81, 512), 2);
    }

    @Test
    void sanitizeCompletesAtOnceAndRunsInTheBackground() {
        long cdw10 = BLOCK_ERASE | 1 << 9; // no-deallocate after sanitize: accepted, recorded in SCDW10
        assertThat(rig.call(Nvme.SANITIZE, 0, cdw10).status()).isEqualTo(NvmeStatus.SUCCESS);

        byte[] log = rig.logPage(0x81, 512);
        assertThat(Nvme.u16(log, 0)).isZero();
        assertThat(Nvme.u16(log, 2)).isEqualTo(IN_PROGRESS);
        assertThat(Nvme.u32(log, 4)).isEqualTo(cdw10);
    }

    @Test
    void progressFollowsTheClockInSixtyFiveThousandFiveHundredThirtySixths() {
        rig.call(Nvme.SANITIZE, 0, CRYPTO_ERASE);

        rig.advanceMillis(2_500);
        assertThat(sprog()).isEqualTo(16384);
        rig.advanceMillis(2_500);
        assertThat(sprog()).isEqualTo(32768);
        rig.advanceMillis(4_999);
        assertThat(sprog()).isEqualTo(65529); // 9.999 s of 10 s
        assertThat(sstat()).isEqualTo(IN_PROGRESS);

        rig.advanceMillis(1);
        assertThat(sprog()).isEqualTo(0xffff);
        assertThat(sstat()).isEqualTo(COMPLETED | GLOBAL_DATA_ERASED);
    }

    @Test
    void aCompletedSanitizeLeavesNoDataInTheNamespace() {
        rig.call(Nvme.SANITIZE, 0, BLOCK_ERASE);
        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(0, 1L << 19));

        rig.advanceMillis(10_000);

        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(0, 0));
    }

    @Test
    void commandsTheSpecBlocksAreAbortedWhileItRuns() {
        rig.call(Nvme.SANITIZE, 0, BLOCK_ERASE);
        rig.advanceMillis(1_000);

        assertStatus(rig.call(Nvme.SANITIZE, 0, BLOCK_ERASE), Nvme.SANITIZE_IN_PROGRESS);
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 1), Nvme.SANITIZE_IN_PROGRESS);
        assertStatus(rig.call(Nvme.FW_DOWNLOAD, 0, 0, new byte[4], 0, 0), Nvme.SANITIZE_IN_PROGRESS);
        assertStatus(rig.call(Nvme.FW_COMMIT, 0, 2 | 3 << 3), Nvme.SANITIZE_IN_PROGRESS);
        assertThat(rig.call(Nvme.IDENTIFY, 0, 1).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.call(Nvme.GET_FEATURES, 0, 0x06).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.call(Nvme.SET_FEATURES, 0, 0x06, 0).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(sstat()).isEqualTo(IN_PROGRESS);

        rig.advanceMillis(9_000);
        assertThat(rig.call(Nvme.FORMAT_NVM, 1, 1).status()).isEqualTo(NvmeStatus.SUCCESS);
    }

    @Test
    void unsupportedOrReservedActionsAreInvalidFieldsAndStartNothing() {
        for (int action : new int[] {0, OVERWRITE, 5, 6, 7}) {
            assertStatus(rig.call(Nvme.SANITIZE, 0, action), Nvme.INVALID_FIELD);
        }
        assertStatus(rig.call(Nvme.SANITIZE, 0, BLOCK_ERASE | 1L << 10), Nvme.INVALID_FIELD);
        assertThat(sstat()).isEqualTo(NEVER);
        assertThat(sprog()).isEqualTo(0xffff);
    }

    @Test
    void exitFailureModeIsANoOpOnAControllerThatNeverFailed() {
        assertThat(rig.call(Nvme.SANITIZE, 0, EXIT_FAILURE).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(sstat()).isEqualTo(NEVER);
        assertThat(rig.call(Nvme.FORMAT_NVM, 1, 1).status()).isEqualTo(NvmeStatus.SUCCESS);
    }

    @Test
    void aSecondSanitizeCanStartOnceTheFirstIsDone() {
        rig.call(Nvme.SANITIZE, 0, BLOCK_ERASE);
        rig.advanceMillis(10_000);

        assertThat(rig.call(Nvme.SANITIZE, 0, CRYPTO_ERASE).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(sstat()).isEqualTo(IN_PROGRESS | GLOBAL_DATA_ERASED);
        assertThat(Nvme.u32(rig.logPage(0x81, 512), 4)).isEqualTo(CRYPTO_ERASE);
    }
}
