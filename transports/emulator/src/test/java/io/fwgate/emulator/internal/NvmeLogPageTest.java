package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NvmeLogPageTest {
    private final Nvme.Rig rig = new Nvme.Rig();

    /** SMART / Health Information at the spec's offsets (16-byte counters: only the low 8 bytes used). */
    static byte[] expectedSmart(int criticalWarning, long errors) {
        return Spec.fields(512,
                0, criticalWarning, 1,
                1, 310, 2, // composite temperature, Kelvin
                3, 100, 1, // available spare
                4, 10, 1, // available spare threshold
                5, 2, 1, // percentage used
                32, 123_456, 8, // data units read
                48, 65_432, 8, // data units written
                64, 2_000_000, 8, // host read commands
                80, 1_000_000, 8, // host write commands
                96, 300, 8, // controller busy time
                112, 42, 8, // power cycles
                128, 1_234, 8, // power-on hours
                144, 3, 8, // unsafe shutdowns
                176, errors, 8, // number of error information log entries
                200, 305, 2); // temperature sensor 1
    }

    /** Error Information entry: count, SQID, CID, status field (status << 1), PEL FFFFh, NSID. */
    static byte[] errorEntry(long count, int commandId, int status, long nsid) {
        return Spec.fields(64, 0, count, 8, 10, commandId, 2, 12, status << 1, 2, 14, 0xffff, 2, 24, nsid, 4);
    }

    @Test
    void smartHealthReportsAHealthyController() {
        assertThat(rig.logPage(0x02, 512)).containsExactly(expectedSmart(0, 0));
    }

    @Test
    void failedCommandsAreRecordedNewestFirstAndCounted() {
        rig.call(Nvme.IDENTIFY, 1, 0x7); // command id 0
        rig.call(0x7f, 9); // command id 1
        byte[] log = rig.logPage(0x01, 256);

        byte[] expected = new byte[256];
        Spec.put(expected, 0, errorEntry(2, 1, Nvme.INVALID_OPCODE, 9));
        Spec.put(expected, 64, errorEntry(1, 0, Nvme.INVALID_FIELD, 1));
        assertThat(log).containsExactly(expected);
        assertThat(rig.logPage(0x02, 512)).containsExactly(expectedSmart(0, 2));
    }

    @Test
    void theErrorLogKeepsItsFourNewestEntries() {
        for (int i = 0; i < 6; i++) {
            rig.call(0x7f, i);
        }
        byte[] log = rig.logPage(0x01, 256);
        for (int entry = 0; entry < 4; entry++) {
            assertThat(Arrays.copyOfRange(log, 64 * entry, 64 * entry + 64))
                    .containsExactly(errorEntry(6 - entry, 5 - entry, Nvme.INVALID_OPCODE, 5 - entry));
        }
    }

    @Test
    void theFirmwareSlotLogShowsSlotOneActive() {
        byte[] expected = Spec.fields(512, 0, 1, 1);
        Spec.put(expected, 8, Nvme.padded("1.0", 8));
        assertThat(rig.logPage(0x03, 512)).containsExactly(expected);
    }

    @Test
    void theSanitizeStatusLogOfANeverSanitizedController() {
        byte[] expected = Spec.fields(512, 0, 0xffff, 2, 2, 0, 2, 4, 0, 4, 8, 0xffff_ffffL, 4, 12, 10, 4, 16, 10, 4,
                20, 0xffff_ffffL, 4, 24, 0xffff_ffffL, 4, 28, 0xffff_ffffL, 4);
        assertThat(rig.logPage(0x81, 512)).containsExactly(expected);
    }

    @Test
    void unknownLogsAreInvalidLogPages() {
        for (int lid : new int[] {0x00, 0x04, 0x06, 0x07, 0x80, 0xc0}) {
            assertStatus(rig.log(lid, 512, 0), Nvme.INVALID_LOG_PAGE);
        }
    }

    @Test
    void anOffsetReadsPartOfTheLogAndALongerRequestStopsAtItsEnd() {
        NvmeAnswer sensor = rig.log(0x02, 8, 200);
        assertThat(Nvme.ok(sensor)).containsExactly(Spec.fields(8, 0, 305, 2));

        // NUMD 1023 (NUMDL FFFFh... here 03FFh): the controller transfers the 512 bytes the log has
        assertThat(Nvme.ok(rig.log(0x02, 4096, 0))).hasSize(512);
        assertThat(Nvme.ok(rig.log(0x02, 4096, 508))).containsExactly(new byte[4]);
    }

    @Test
    void aLengthAboveSixtyFourKibibytesUsesNumdu() {
        NvmeAnswer answer = rig.call(Nvme.GET_LOG_PAGE, 0, 1 << 18, Nvme.NONE, 0x05 | 0xffffL << 16, 0);
        assertThat(Nvme.ok(answer)).hasSize(4096);
        assertStatus(rig.call(Nvme.GET_LOG_PAGE, 0, 1 << 18, Nvme.NONE, 0x05 | 0xffffL << 16, 1), Nvme.INVALID_FIELD);
    }

    @Test
    void badOffsetsBuffersAndNamespacesAreInvalidFields() {
        assertStatus(rig.log(0x02, 512, 512), Nvme.INVALID_FIELD); // at the end
        assertStatus(rig.log(0x02, 4, 2), Nvme.INVALID_FIELD); // not dword aligned
        assertStatus(rig.log(0x02, 8, 1L << 32), Nvme.INVALID_FIELD); // LPOU
        assertStatus(rig.call(Nvme.GET_LOG_PAGE, 0, 511, Nvme.NONE, 0x02 | 127L << 16), Nvme.INVALID_FIELD);
        assertStatus(rig.call(Nvme.GET_LOG_PAGE, 1, 512, Nvme.NONE, 0x02 | 127L << 16), Nvme.INVALID_FIELD);
        assertThat(Nvme.ok(rig.call(Nvme.GET_LOG_PAGE, Nvme.ALL, 512, Nvme.NONE, 0x02 | 127L << 16))).hasSize(512);
    }
}
