package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static io.fwgate.emulator.internal.Spec.assertFails;
import static io.fwgate.emulator.internal.Spec.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acme profile's devices, built on the CXL and NVMe models, answering their vendor opcodes. */
class ProfileDeviceTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private CxlType3Device mem;
    private Nvme.Rig nvme;

    @BeforeEach
    void build() throws Exception {
        Profile acme = ProfileParserTest.acme();
        mem = (CxlType3Device) ProfileExtender.build(acme.devices().get(0), nanos::get);
        nvme = new Nvme.Rig((NvmeController) ProfileExtender.build(acme.devices().get(1), nanos::get));
    }

    private static void sensor(byte[] out, int index, int id, int kind, int... samples) {
        int at = 4 + 12 * index;
        Spec.le(out, at, id, 2);
        out[at + 2] = (byte) kind;
        out[at + 3] = (byte) samples.length;
        for (int i = 0; i < samples.length; i++) {
            Spec.le(out, at + 4 + 2 * i, samples[i], 2);
        }
    }

    @Test
    void theCxlDeviceIdentifiesAsAcme() {
        byte[] identify = Spec.fields(18, 0, 0xacec, 2, 2, 0x0001, 2, 4, 0xacec, 2, 6, 0x0001, 2,
                8, 0xacec_0000_0000_0001L, 8, 16, 20, 1, 17, 3, 1);
        assertOk(mem.handle(0x0001, Spec.NONE), identify);
        assertThat(mem.info().serial()).contains("ACME-CXL-0001");
    }

    @Test
    void telemetryDumpAnswersThreeSensorRecords() {
        byte[] expected = new byte[4 + 3 * 12];
        expected[0] = 1; // version
        expected[1] = 3; // sensor count
        sensor(expected, 0, 0x0001, 0, 38, 39, 41, 40);
        sensor(expected, 1, 0x0002, 1, 1200, 1198);
        sensor(expected, 2, 0x0010, 2, 850, 910, -40);

        assertOk(mem.handle(0xc000, Spec.NONE), expected);
        assertFails(mem.handle(0xc000, new byte[1]), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(mem.handle(0xc000, Spec.NONE, 39), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
    }

    @Test
    void setDebugChangesTheLevelGetDebugReads() {
        assertOk(mem.handle(0xc003, Spec.NONE), new byte[] {0, 12, 0, 0});

        assertOk(mem.handle(0xc001, new byte[] {2, 0, 0, 0}), Spec.NONE);

        assertOk(mem.handle(0xc003, Spec.NONE), new byte[] {2, 12, 0, 0});
    }

    @Test
    void aLevelAboveTheMaximumOrAWrongLengthChangesNothing() {
        assertFails(mem.handle(0xc001, new byte[] {4, 0, 0, 0}), CxlReturnCode.INVALID_INPUT);
        assertFails(mem.handle(0xc001, new byte[] {1, 0, 0}), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertFails(mem.handle(0xc003, Spec.NONE, 3), CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        assertOk(mem.handle(0xc003, Spec.NONE), new byte[] {0, 12, 0, 0});
    }

    @Test
    void clearLogResetsTheLogEntries() {
        mem.handle(0xc001, new byte[] {3, 0, 0, 0});

        assertOk(mem.handle(0xc002, Spec.NONE), Spec.NONE);

        assertOk(mem.handle(0xc003, Spec.NONE), new byte[] {3, 0, 0, 0});
        assertFails(mem.handle(0xc004, Spec.NONE), CxlReturnCode.UNSUPPORTED);
    }

    @Test
    void theCelListsTheVendorOpcodesWithTheirEffects() {
        byte[] supported = mem.handle(0x0400, Spec.NONE).payload();
        int size = (int) Nvme.u32(supported, 0x18);
        byte[] cel = mem.handle(0x0401, LogCommandsTest.getLog(Spec.CEL_UUID, 0, size)).payload();
        Map<Integer, Integer> entries = new TreeMap<>();
        for (int at = 0; at < cel.length; at += 4) {
            entries.put(Nvme.u16(cel, at), Nvme.u16(cel, at + 2));
        }

        assertThat(entries).hasSize(LogCommandsTest.EXPECTED_CEL.length + 4);
        // bit 9 effects valid; C001h bit 1 immediate configuration change; C002h bit 4 immediate log change
        assertThat(entries).containsEntry(0xc000, 0x200).containsEntry(0xc001, 0x202)
                .containsEntry(0xc002, 0x210).containsEntry(0xc003, 0x200);
    }

    @Test
    void theNvmeControllerIdentifiesAsAcme() {
        byte[] identify = nvme.identifyController();
        assertThat(Nvme.u16(identify, 0)).isEqualTo(0xacec);
        assertThat(Nvme.u16(identify, 2)).isEqualTo(0xacec);
        assertThat(Arrays.copyOfRange(identify, 4, 24)).containsExactly(Nvme.padded("ACME-NVME-0001", 20));
        assertThat(Arrays.copyOfRange(identify, 24, 64))
                .containsExactly(Nvme.padded("Acme Memory Systems AN-2 NVMe SSD", 40));
        assertThat(Arrays.copyOfRange(identify, 64, 72)).containsExactly(Nvme.padded("ACME2.1", 8));
        assertThat(nvme.controller.info().pciDeviceId()).isEqualTo(0x0002);
    }

    @Test
    void nvmeTelemetryIsATlvStreamIn256Bytes() {
        byte[] expected = new byte[256];
        int at = 0;
        expected[at++] = 1; // temperature, s16 degrees C
        expected[at++] = 2;
        Spec.le(expected, at, 38, 2);
        at += 2;
        expected[at++] = 2; // wear, percent
        expected[at++] = 1;
        expected[at++] = 3;
        expected[at++] = 3; // firmware note
        expected[at++] = 14;
        Spec.putAscii(expected, at, "ACME 2.1.0-rc3");
        at += 14;
        expected[at++] = 4; // counters, u32 each
        expected[at++] = 12;
        Spec.le(expected, at, 1000, 4);
        Spec.le(expected, at + 4, 42, 4);
        Spec.le(expected, at + 8, 7, 4);
        // then type 0 ends the stream, and the rest is zero

        assertThat(Nvme.ok(nvme.call(0xc0, 0, 256, Nvme.NONE))).containsExactly(expected);
        assertStatus(nvme.call(0xc0, 0, 255, Nvme.NONE), Nvme.INVALID_FIELD);
        assertStatus(nvme.call(0xc0, 0, 256, new byte[4]), Nvme.INVALID_FIELD);
    }

    @Test
    void nvmeSetDebugEchoesTheLevelFromCdw10InDwordZero() {
        NvmeAnswer set = nvme.call(0xc1, 0, 2);
        assertThat(set.status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(set.result()).isEqualTo(2);
        assertThat(set.payload()).isEmpty();

        assertThat(nvme.call(0xc1, 0, 0xffff_fffdL).result()).isEqualTo(1); // only bits 1:0 are the level
        assertThat(nvme.call(0xc2, 0).status()).isEqualTo(NvmeStatus.SUCCESS);
    }

    @Test
    void theNvmeEffectsLogListsTheVendorOpcodes() {
        Map<Integer, Long> entries = NvmeEffectsContractTest.adminEntries(nvme.logPage(0x05, 4096));

        assertThat(entries).hasSize(8 + 3);
        assertThat(entries).containsEntry(0xc0, 1L).containsEntry(0xc1, 0x11L).containsEntry(0xc2, 1L);
        assertStatus(nvme.call(0xc3, 0), Nvme.INVALID_OPCODE);
    }

    @Test
    void vendorCommandsAreAbortedWhileASanitizeRuns() {
        nvme.call(Nvme.SANITIZE, 0, 2);

        assertStatus(nvme.call(0xc1, 0, 1), Nvme.SANITIZE_IN_PROGRESS);
        assertStatus(nvme.call(0xc0, 0, 256, Nvme.NONE), Nvme.SANITIZE_IN_PROGRESS);
    }

    @Test
    void eachDeviceHasItsOwnState() throws Exception {
        CxlType3Device other = (CxlType3Device) ProfileExtender.build(ProfileParserTest.acme().devices().get(0),
                nanos::get);
        mem.handle(0xc001, new byte[] {3, 0, 0, 0});

        assertOk(other.handle(0xc003, Spec.NONE), new byte[] {0, 12, 0, 0});
    }
}
