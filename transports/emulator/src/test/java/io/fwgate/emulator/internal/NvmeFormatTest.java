package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmeFormatTest {
    /** Format NVM cdw10: LBAF bits 3:0, MSET bit 4, PI bits 7:5, PIL bit 8, SES bits 11:9, LBAFU 13:12. */
    private static final long SES_CRYPTO = 2 << 9;

    private final Nvme.Rig rig = new Nvme.Rig();

    @Test
    void formattingToLbaFormatOneGivesFourKibibyteBlocksAllDeallocated() {
        assertThat(rig.call(Nvme.FORMAT_NVM, 1, 1).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(1, 0));

        assertThat(rig.call(Nvme.FORMAT_NVM, Nvme.ALL, SES_CRYPTO).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(0, 0));
    }

    @Test
    void anLbaFormatTheNamespaceDoesNotHaveIsAnInvalidFormat() {
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 2), Nvme.INVALID_FORMAT);
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 0xf), Nvme.INVALID_FORMAT);
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 1 << 12), Nvme.INVALID_FORMAT); // LBAFU: format 16
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 1 << 5), Nvme.INVALID_FORMAT); // protection information
        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(0, 1L << 19));
    }

    @Test
    void aReservedSecureEraseSettingIsAnInvalidField() {
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 3 << 9), Nvme.INVALID_FIELD);
        assertStatus(rig.call(Nvme.FORMAT_NVM, 1, 1L << 14), Nvme.INVALID_FIELD);
    }

    @Test
    void aNamespaceOtherThanOneOrAllIsInvalid() {
        assertStatus(rig.call(Nvme.FORMAT_NVM, 0, 1), Nvme.INVALID_NAMESPACE);
        assertStatus(rig.call(Nvme.FORMAT_NVM, 2, 1), Nvme.INVALID_NAMESPACE);
        assertThat(rig.identifyNamespace()).containsExactly(NvmeIdentifyTest.expectedNamespace(0, 1L << 19));
    }
}
