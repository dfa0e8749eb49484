package io.fwgate.plugin.nvme;

import static io.fwgate.plugin.nvme.NvmeTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;

/**
 * Command dwords built from arguments, compared with dwords composed by hand from the NVMe base
 * specification's bit positions (cross-checked with libnvme's NVME_*_CDW10_*_SHIFT values).
 */
class NvmeEncodeTest {
    private static final long ALL_NAMESPACES = 0xffff_ffffL;
    /** Get Log Page cdw10 bit 15: Retain Asynchronous Event. */
    private static final long RAE = 1L << 15;

    @Test
    void identifyControllerSendsCns1AndNoData() throws Exception {
        EncodedRequest request = encode("identify-controller", Map.of());

        assertThat(request.parameters()).isEqualTo(Map.of("cdw10", 0x01L));
        assertThat(request.payload()).isEmpty();
        assertThat(command("identify-controller").request().fields()).isEmpty();
    }

    @Test
    void identifyNamespaceSendsCns0ForNamespace1UnlessToldOtherwise() throws Exception {
        assertThat(encode("identify-namespace", Map.of()).parameters()).isEqualTo(Map.of("cdw10", 0x00L, "nsid", 1L));
        assertThat(encode("identify-namespace", Map.of("nsid", "7")).parameters())
                .isEqualTo(Map.of("cdw10", 0x00L, "nsid", 7L));
        assertThatThrownBy(() -> encode("identify-namespace", Map.of("nsid", "0")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'nsid'");
    }

    @Test
    void activeNamespacesSendsCns2AndTheNamespaceToStartAfter() throws Exception {
        assertThat(encode("active-namespaces", Map.of()).parameters()).isEqualTo(Map.of("cdw10", 0x02L, "nsid", 0L));
        assertThat(encode("active-namespaces", Map.of("after-nsid", "4")).parameters())
                .isEqualTo(Map.of("cdw10", 0x02L, "nsid", 4L));
        // FFFFFFFEh and FFFFFFFFh are not valid starting points for CNS 02h
        assertThatThrownBy(() -> encode("active-namespaces", Map.of("after-nsid", "0xfffffffe")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void smartLogReads512BytesOfLog2ForAllNamespacesByDefault() throws Exception {
        long cdw10 = 0x02 | RAE | (512 / 4 - 1) << 16;

        assertThat(encode("smart-log", Map.of()).parameters()).isEqualTo(Map.of("cdw10", cdw10, "nsid", ALL_NAMESPACES));
        assertThat(encode("smart-log", Map.of("nsid", "1")).parameters()).isEqualTo(Map.of("cdw10", cdw10, "nsid", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "effects-log, 0x05, 4096", "error-log, 0x01, 4096", "fw-log, 0x03, 512", "sanitize-log, 0x81, 512" })
    void controllerWideLogsReadTheirWholeSizeForAllNamespaces(String name, String lid, int bytes) throws Exception {
        long cdw10 = Long.decode(lid) | RAE | (long) (bytes / 4 - 1) << 16;

        assertThat(encode(name, Map.of()).parameters()).isEqualTo(Map.of("cdw10", cdw10, "nsid", ALL_NAMESPACES));
        assertThat(command(name).response().maxSize()).isEqualTo(bytes);
        assertThatThrownBy(() -> encode(name, Map.of("nsid", "1"))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("this command takes no arguments");
    }

    @Test
    void getFeaturePutsTheFeatureAndSelectionInCdw10() throws Exception {
        assertThat(encode("get-feature", Map.of("fid", "number-of-queues")).parameters())
                .isEqualTo(Map.of("cdw10", 0x07L, "cdw11", 0L));
        assertThat(encode("get-feature", Map.of("fid", "arbitration", "sel", "supported")).parameters())
                .isEqualTo(Map.of("cdw10", 0x01L | 3 << 8, "cdw11", 0L));
    }

    @Test
    void getFeatureSelectsATemperatureThresholdInCdw11() throws Exception {
        // TMPSEL cdw11 bits 19:16, THSEL bits 21:20 (1: under temperature)
        Map<String, String> args = Map.of("fid", "temperature-threshold", "sel", "saved", "temperature-sensor", "2",
                "threshold-type", "under");

        assertThat(encode("get-feature", args).parameters())
                .isEqualTo(Map.of("cdw10", 0x04L | 2 << 8, "cdw11", 2L << 16 | 1L << 20));
    }

    @Test
    void getFeatureTakesOnlyTheFeaturesItKnows() {
        assertThatThrownBy(() -> encode("get-feature", Map.of("fid", "5"))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("argument 'fid'").hasMessageContaining("volatile-write-cache (6)");
        assertThatThrownBy(() -> encode("get-feature", Map.of())).hasMessage("missing required argument 'fid'");
    }

    @Test
    void setFeaturePutsSaveInBit31AndTheValueInCdw11() throws Exception {
        assertThat(encode("set-feature", Map.of("fid", "volatile-write-cache", "value", "1", "save", "1")).parameters())
                .isEqualTo(Map.of("cdw10", 0x06L | 1L << 31, "cdw11", 1L));
        assertThat(encode("set-feature", Map.of("fid", "temperature-threshold", "value", "0x15e")).parameters())
                .isEqualTo(Map.of("cdw10", 0x04L, "cdw11", 0x15eL));
    }

    @Test
    void formatNvmTakesTheNamespaceTheFormatAndTheSecureErase() throws Exception {
        // LBAF cdw10 bits 3:0, SES bits 11:9
        assertThat(encode("format-nvm", Map.of("nsid", "1", "lbaf", "1", "ses", "user-data-erase")).parameters())
                .isEqualTo(Map.of("cdw10", 0x1L | 1 << 9, "nsid", 1L));
        assertThat(encode("format-nvm", Map.of("nsid", "0xffffffff", "lbaf", "0")).parameters())
                .isEqualTo(Map.of("cdw10", 0L, "nsid", ALL_NAMESPACES));
        assertThat(encode("format-nvm", Map.of("nsid", "1", "lbaf", "2", "ses", "crypto-erase")).parameters())
                .containsEntry("cdw10", 0x2L | 2 << 9);
    }

    @Test
    void formatNvmNeverPicksItsNamespaceByDefault() {
        assertThatThrownBy(() -> encode("format-nvm", Map.of("lbaf", "1"))).hasMessage("missing required argument 'nsid'");
        assertThatThrownBy(() -> encode("format-nvm", Map.of("nsid", "1", "lbaf", "16")))
                .hasMessageContaining("does not fit 4 bits");
    }

    @Test
    void sanitizeTakesTheActionAndTheOverwriteSettings() throws Exception {
        // SANACT bits 2:0, AUSE 3, OWPASS 7:4, OIPBP 8, NDAS 9; OVRPAT is cdw11
        assertThat(encode("sanitize", Map.of("action", "block-erase")).parameters())
                .isEqualTo(Map.of("cdw10", 0x2L | 1 << 4, "cdw11", 0L));
        Map<String, String> overwrite = Map.of("action", "overwrite", "allow-unrestricted-exit", "1",
                "overwrite-passes", "3", "overwrite-invert", "1", "no-deallocate", "1", "overwrite-pattern", "0xa5a5a5a5");
        assertThat(encode("sanitize", overwrite).parameters())
                .isEqualTo(Map.of("cdw10", 0x3L | 1 << 3 | 3 << 4 | 1 << 8 | 1 << 9, "cdw11", 0xa5a5_a5a5L));
        assertThat(encode("sanitize", Map.of("action", "crypto-erase")).parameters()).containsEntry("cdw10", 0x4L | 1 << 4);
        assertThat(encode("sanitize", Map.of("action", "exit-failure")).parameters()).containsEntry("cdw10", 0x1L | 1 << 4);
        assertThatThrownBy(() -> encode("sanitize", Map.of())).hasMessage("missing required argument 'action'");
    }

    @Test
    void fwDownloadSendsTheDataWithItsDwordCountAndOffset() throws Exception {
        EncodedRequest request = encode("fw-download", Map.of("numd", "1", "offset-dwords", "0x10", "data", "01020304 05060708"));

        assertThat(request.payload()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(request.parameters()).isEqualTo(Map.of("cdw10", 1L, "cdw11", 0x10L));
        assertThat(encode("fw-download", Map.of("numd", "0", "data", "aabbccdd")).parameters())
                .isEqualTo(Map.of("cdw10", 0L, "cdw11", 0L));
    }

    @Test
    void fwCommitPutsTheSlotAndActionInCdw10() throws Exception {
        // FS bits 2:0, CA bits 5:3
        assertThat(encode("fw-commit", Map.of("slot", "2", "action", "replace-and-activate")).parameters())
                .isEqualTo(Map.of("cdw10", 0x2L | 1 << 3));
        assertThat(encode("fw-commit", Map.of("slot", "1", "action", "replace-and-activate-now")).parameters())
                .isEqualTo(Map.of("cdw10", 0x1L | 3 << 3));
        assertThat(encode("fw-commit", Map.of("slot", "3", "action", "activate")).parameters())
                .isEqualTo(Map.of("cdw10", 0x3L | 2 << 3));
        assertThatThrownBy(() -> encode("fw-commit", Map.of("slot", "8", "action", "replace")))
                .hasMessageContaining("argument 'slot'");
    }

    private static EncodedRequest encode(String name, Map<String, String> args) throws InvalidArgumentException {
        return command(name).request().encode(args);
    }
}
