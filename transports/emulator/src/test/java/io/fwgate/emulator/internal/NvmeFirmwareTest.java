package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NvmeFirmwareTest {
    /** Firmware Commit cdw10: FS bits 2:0, CA bits 5:3. */
    private static final int REPLACE = 0;
    private static final int REPLACE_AT_RESET = 1;
    private static final int ACTIVATE_AT_RESET = 2;
    private static final int ACTIVATE_NOW = 3;

    private final Nvme.Rig rig = new Nvme.Rig();

    /** An image the emulator accepts: "FWGATEFW", the 8-byte revision, then a body. */
    private static byte[] image(String revision, int size) {
        byte[] image = new byte[size];
        Arrays.fill(image, (byte) 0x5a);
        Spec.putAscii(image, 0, "FWGATEFW");
        Spec.put(image, 8, Nvme.padded(revision, 8));
        return image;
    }

    /** Firmware Image Download: NUMD (cdw10) 0-based dwords, OFST (cdw11) in dwords. */
    private NvmeAnswer download(byte[] image, int from, int to) {
        byte[] part = Arrays.copyOfRange(image, from, to);
        return rig.call(Nvme.FW_DOWNLOAD, 0, 0, part, part.length / 4 - 1, from / 4);
    }

    private NvmeAnswer commit(int slot, int action) {
        return rig.call(Nvme.FW_COMMIT, 0, slot | action << 3);
    }

    private static byte[] slotLog(int active, int next, String... revisions) {
        byte[] log = Spec.fields(512, 0, active | next << 4, 1);
        for (int slot = 1; slot <= revisions.length; slot++) {
            if (revisions[slot - 1] != null) {
                Spec.put(log, 8 * slot, Nvme.padded(revisions[slot - 1], 8));
            }
        }
        return log;
    }

    private String runningRevision() {
        return new String(rig.identifyController(), 64, 8, StandardCharsets.US_ASCII).strip();
    }

    @Test
    void anImageDownloadedInPartsIsCommittedForTheNextReset() {
        byte[] image = image("2.0", 4096);
        assertThat(download(image, 2048, 4096).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(download(image, 0, 2048).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(commit(2, REPLACE_AT_RESET).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(1, 2, "1.0", "2.0"));
        assertThat(runningRevision()).isEqualTo("1.0");
    }

    @Test
    void activatingNowChangesTheRunningRevision() {
        byte[] image = image("2.0", 64);
        download(image, 0, 64);
        commit(3, REPLACE);
        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(1, 0, "1.0", null, "2.0"));

        assertThat(commit(3, ACTIVATE_NOW).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(3, 0, "1.0", null, "2.0"));
        assertThat(runningRevision()).isEqualTo("2.0");
        assertThat(rig.identifyController()).containsExactly(NvmeIdentifyTest.expectedController("2.0"));
    }

    @Test
    void replaceAndActivateNowUsesTheStagedImageAndSlotZeroLetsTheControllerChoose() {
        download(image("3.1", 32), 0, 32);

        assertThat(commit(0, ACTIVATE_NOW).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(2, 0, "1.0", "3.1"));
        assertThat(runningRevision()).isEqualTo("3.1");
    }

    @Test
    void activatingSlotOneAtResetNeedsNoDownload() {
        assertThat(commit(1, ACTIVATE_AT_RESET).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(1, 1, "1.0"));
    }

    @Test
    void slotsThatCannotTakeTheCommitAreInvalidFirmwareSlots() {
        download(image("2.0", 32), 0, 32);
        assertStatus(commit(1, REPLACE), Nvme.INVALID_FIRMWARE_SLOT); // read-only
        assertStatus(commit(4, REPLACE), Nvme.INVALID_FIRMWARE_SLOT); // only 3 slots
        assertStatus(commit(7, ACTIVATE_AT_RESET), Nvme.INVALID_FIRMWARE_SLOT);
        assertStatus(commit(0, ACTIVATE_AT_RESET), Nvme.INVALID_FIRMWARE_SLOT);
        assertThat(commit(2, REPLACE).status()).isEqualTo(NvmeStatus.SUCCESS); // the image stayed staged
    }

    @Test
    void missingOrMalformedImagesAreInvalidFirmwareImages() {
        assertStatus(commit(2, REPLACE), Nvme.INVALID_FIRMWARE_IMAGE); // nothing staged
        assertStatus(commit(3, ACTIVATE_AT_RESET), Nvme.INVALID_FIRMWARE_IMAGE); // empty slot

        byte[] bad = image("2.0", 32);
        bad[0] = 'X';
        download(bad, 0, 32);
        assertStatus(commit(2, REPLACE), Nvme.INVALID_FIRMWARE_IMAGE);

        byte[] image = image("2.0", 64);
        download(image, 32, 64); // the first half never arrives
        assertStatus(commit(2, REPLACE), Nvme.INVALID_FIRMWARE_IMAGE);
        assertThat(rig.logPage(0x03, 512)).containsExactly(slotLog(1, 0, "1.0"));
        assertStatus(commit(2, REPLACE), Nvme.INVALID_FIRMWARE_IMAGE); // a failed commit discards the staged parts
    }

    @Test
    void aPortionOverlappingAStagedOneIsAnOverlappingRange() {
        byte[] image = image("2.0", 64);
        download(image, 0, 32);
        assertStatus(download(image, 28, 64), Nvme.OVERLAPPING_RANGE);
        assertThat(download(image, 32, 64).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(commit(2, REPLACE).status()).isEqualTo(NvmeStatus.SUCCESS);
    }

    @Test
    void dataThatIsNotNumdDwordsIsAnInvalidField() {
        assertStatus(rig.call(Nvme.FW_DOWNLOAD, 0, 0, new byte[8], 2, 0), Nvme.INVALID_FIELD);
        assertStatus(rig.call(Nvme.FW_DOWNLOAD, 0, 0, new byte[0], 0, 0), Nvme.INVALID_FIELD);
        assertStatus(rig.call(Nvme.FW_DOWNLOAD, 0, 0, new byte[4], 0, 1 << 18), Nvme.INVALID_FIELD); // past 1 MiB
    }

    @Test
    void reservedCommitActionsAndBootPartitionsAreInvalidFields() {
        for (int action : new int[] {4, 5, 6, 7}) {
            assertStatus(commit(2, action), Nvme.INVALID_FIELD);
        }
        assertStatus(rig.call(Nvme.FW_COMMIT, 0, 1 | ACTIVATE_AT_RESET << 3 | 1L << 31), Nvme.INVALID_FIELD);
    }
}
