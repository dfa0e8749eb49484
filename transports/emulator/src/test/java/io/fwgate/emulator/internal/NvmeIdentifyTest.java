package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmeIdentifyTest {
    private final Nvme.Rig rig = new Nvme.Rig();

    /** The Identify Controller data structure, field by field at the NVMe base spec's offsets. */
    static byte[] expectedController(String firmware) {
        byte[] data = Spec.fields(4096,
                0, 0x1b36, 2, // VID
                2, 0x1af4, 2, // SSVID
                72, 6, 1, // RAB
                77, 7, 1, // MDTS
                80, 0x0002_0000, 4, // VER 2.0
                111, 1, 1, // CNTRLTYPE: I/O controller
                256, 0b110, 2, // OACS: format, firmware
                258, 3, 1, // ACL
                259, 3, 1, // AERL
                260, 0b1_011_1, 1, // FRMW: activation without reset, 3 slots, slot 1 read-only
                261, 0b110, 1, // LPA: effects log, extended data
                262, 3, 1, // ELPE: 4 entries
                263, 2, 1, // NPSS: 3 power states
                266, 343, 2, // WCTEMP
                268, 358, 2, // CCTEMP
                280, 1L << 30, 8, // TNVMCAP (16 bytes, upper half zero)
                319, 0xff, 1, // FWUG
                328, 0b11, 4, // SANICAP: crypto erase, block erase
                512, 0x66, 1, // SQES
                513, 0x44, 1, // CQES
                516, 1, 4, // NN
                520, 1 << 4, 2, // ONCS: save and select
                524, 1 << 2, 1, // FNA: crypto erase
                525, 1, 1, // VWC present
                530, 1, 1, // NVSCC
                2048, 2500, 2, // PSD0 max power
                2080, 1500, 2, 2084, 50, 4, 2088, 100, 4, 2092, 0x01010101L, 4, // PSD1
                2112, 800, 2, 2116, 1000, 4, 2120, 2000, 4, 2124, 0x02020202L, 4); // PSD2
        Spec.put(data, 4, Nvme.padded("FWGATE-NVME-0001", 20));
        Spec.put(data, 24, Nvme.padded("fwgate emulated NVMe", 40));
        Spec.put(data, 64, Nvme.padded(firmware, 8));
        Spec.putAscii(data, 768, "nqn.2024-01.io.fwgate:FWGATE-NVME-0001");
        return data;
    }

    /** Identify Namespace: NSZE, NCAP, NUSE, NLBAF, FLBAS, NVMCAP and two LBA formats. */
    static byte[] expectedNamespace(int format, long used) {
        long blocks = (1L << 30) >> (format == 0 ? 9 : 12);
        return Spec.fields(4096, 0, blocks, 8, 8, blocks, 8, 16, used, 8, 25, 1, 1, 26, format, 1, 48, 1L << 30, 8,
                130, 9, 1, 131, 1, 1, // LBAF0: 512 bytes, relative performance better
                134, 12, 1, 135, 0, 1); // LBAF1: 4096 bytes, best
    }

    @Test
    void identifyControllerFillsTheSpecsFields() {
        assertThat(rig.identifyController()).containsExactly(expectedController("1.0"));
    }

    @Test
    void identifyNamespaceDescribesOneGibibyteIn512ByteBlocksAQuarterUsed() {
        assertThat(rig.identifyNamespace()).containsExactly(expectedNamespace(0, 1L << 19));
    }

    @Test
    void theActiveNamespaceListHoldsTheNamespacesAboveTheGivenNsid() {
        assertThat(Nvme.ok(rig.call(Nvme.IDENTIFY, 0, 2))).containsExactly(Spec.fields(4096, 0, 1, 4));
        assertThat(Nvme.ok(rig.call(Nvme.IDENTIFY, 1, 2))).containsExactly(new byte[4096]);
        assertStatus(rig.call(Nvme.IDENTIFY, 0xffff_fffeL, 2), Nvme.INVALID_NAMESPACE);
        assertStatus(rig.call(Nvme.IDENTIFY, Nvme.ALL, 2), Nvme.INVALID_NAMESPACE);
    }

    @Test
    void aNamespaceOtherThanOneIsInvalid() {
        for (long nsid : new long[] {0, 2, Nvme.ALL}) {
            assertStatus(rig.call(Nvme.IDENTIFY, nsid, 0), Nvme.INVALID_NAMESPACE);
        }
    }

    @Test
    void anUnsupportedCnsIsAnInvalidField() {
        for (int cns : new int[] {0x03, 0x05, 0x06, 0x10, 0xff}) {
            assertStatus(rig.call(Nvme.IDENTIFY, 1, cns), Nvme.INVALID_FIELD);
        }
    }

    @Test
    void aBufferTooSmallForTheDataOrDataFromTheHostIsAnInvalidField() {
        assertStatus(rig.call(Nvme.IDENTIFY, 0, 4095, Nvme.NONE, 1), Nvme.INVALID_FIELD);
        assertStatus(rig.call(Nvme.IDENTIFY, 0, 4096, new byte[4], 1), Nvme.INVALID_FIELD);
        assertThat(rig.call(Nvme.IDENTIFY, 0, 8192, Nvme.NONE, 1).payload()).hasSize(4096);
    }
}
