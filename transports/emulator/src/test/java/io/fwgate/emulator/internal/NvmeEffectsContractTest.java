package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The Commands Supported and Effects log against the controller's behaviour. */
class NvmeEffectsContractTest {
    /** Effects bits: 0 CSUPP, 1 LBCC, 2 NCC, 3 NIC, 4 CCC; CSE in bits 18:16. */
    private static final int CSUPP = 1;
    private static final int LBCC = 1 << 1;
    private static final int NCC = 1 << 2;
    private static final int CCC = 1 << 4;

    private final Nvme.Rig rig = new Nvme.Rig();

    static Map<Integer, Long> adminEntries(byte[] log) {
        Map<Integer, Long> entries = new TreeMap<>();
        for (int opcode = 0; opcode < 256; opcode++) {
            long word = Nvme.u32(log, 4 * opcode);
            if (word != 0) {
                entries.put(opcode, word);
            }
        }
        return entries;
    }

    @Test
    void theLogListsEachSupportedAdminCommandWithItsEffects() {
        byte[] log = rig.logPage(0x05, 4096);

        assertThat(adminEntries(log)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                0x02, (long) CSUPP, // Get Log Page
                0x06, (long) CSUPP, // Identify
                0x09, (long) (CSUPP | CCC), // Set Features
                0x0a, (long) CSUPP, // Get Features
                0x10, (long) (CSUPP | CCC), // Firmware Commit
                0x11, (long) CSUPP, // Firmware Image Download
                0x80, (long) (CSUPP | LBCC | NCC | 1 << 16), // Format NVM: one command per namespace
                0x84, (long) (CSUPP | LBCC | 2 << 16)))); // Sanitize: one command per controller
        for (int at = 1024; at < 4096; at++) {
            assertThat(log[at]).as("byte %d (I/O commands, reserved)", at).isZero();
        }
    }

    @Test
    void everyOpcodeWithoutCsuppIsAnInvalidOpcodeAndEveryOneWithItIsHandled() {
        Map<Integer, Long> supported = adminEntries(rig.logPage(0x05, 4096));
        List<Integer> wrong = new ArrayList<>();
        for (int opcode = 0; opcode < 256; opcode++) {
            boolean invalid = rig.call(opcode, 0).status() == NvmeStatus.INVALID_COMMAND_OPCODE;
            if (invalid == supported.containsKey(opcode)) {
                wrong.add(opcode);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Every command that reports CSUPP alone, with a valid request. */
    private List<byte[]> observableState() {
        List<byte[]> state = new ArrayList<>();
        state.add(rig.identifyController());
        state.add(rig.identifyNamespace());
        state.add(Nvme.ok(rig.call(Nvme.IDENTIFY, 0, 2)));
        for (int lid : new int[] {0x01, 0x02, 0x03, 0x05, 0x81}) {
            state.add(rig.logPage(lid, 512));
        }
        for (int fid : new int[] {0x01, 0x02, 0x04, 0x06, 0x07}) {
            for (int selection = 0; selection < 4; selection++) {
                state.add(Spec.fields(8, 0, rig.getFeature(fid, selection, 0), 8));
            }
        }
        return state;
    }

    @Test
    void commandsReportingNoChangeChangeNothingObservable() {
        List<byte[]> before = observableState();
        observableState();
        assertThat(observableState()).containsExactlyElementsOf(before);
    }

    @Test
    void aFirmwareDownloadAloneChangesNothingObservable() {
        List<byte[]> before = observableState();
        assertThat(rig.call(Nvme.FW_DOWNLOAD, 0, 0, new byte[64], 15, 0).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(observableState()).containsExactlyElementsOf(before);
    }
}
