package io.fwgate.plugin.nvme;

import static io.fwgate.plugin.nvme.NvmeTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fwgate.api.DecodeException;
import io.fwgate.kit.Payload;

/**
 * One hand-built answer per command, every field placed at the offset the NVMe base specification gives
 * (cross-checked with Linux include/linux/nvme.h and libnvme types.h: struct nvme_id_ctrl, nvme_id_ns,
 * nvme_smart_log, nvme_effects_log, nvme_error_log_page, nvme_fw_slot_info_log, nvme_sanitize_log_page).
 */
class NvmeDecodeTest {
    private static final long TIB = 1L << 40;

    @Test
    void identifyController() throws Exception {
        // VID 0, SSVID 2, SN 4 (20), MN 24 (40), FR 64 (8), RAB 72, IEEE 73 (3, LSB first), CMIC 76, MDTS 77,
        // CNTLID 78, VER 80, RTD3R 84, RTD3E 88, CNTRLTYPE 111, OACS 256, ACL 258, AERL 259, FRMW 260, LPA 261,
        // ELPE 262, NPSS 263, WCTEMP 266, CCTEMP 268, TNVMCAP 280 (16), UNVMCAP 296 (16), SANICAP 328, NN 516,
        // ONCS 520, FNA 524, VWC 525, SUBNQN 768 (256)
        byte[] payload = new Payload(4096).u16(0, 0x1b36).u16(2, 0x1af4).ascii(4, "FWGATE-NVME-0001    ")
                .ascii(24, "fwgate emulated NVMe" + " ".repeat(20)).ascii(64, "1.0     ").u8(72, 6)
                .hex(73, "382500").u8(76, 0x0b).u8(77, 5).u16(78, 0x41).u32(80, 0x0002_0100).u32(84, 0)
                .u32(88, 1_000_000).u8(111, 1).u16(256, 0x0016).u8(258, 3).u8(259, 3).u8(260, 0x17).u8(261, 0x06)
                .u8(262, 63).u8(263, 4).u16(266, 343).u16(268, 0).u64(280, TIB).u64(296, TIB / 4)
                .u32(328, 0x8000_0000L | 1 << 29 | 0x3).u32(516, 1).u16(520, 0x005f).u8(524, 0x05).u8(525, 1)
                .ascii(768, "nqn.2019-08.org.qemu:FWGATE-NVME-0001").bytes();

        assertThat(command("identify-controller").response().decode(payload)).containsExactly(
                entry("pci-vendor-id", 0x1b36L), entry("pci-subsystem-vendor-id", 0x1af4L),
                entry("serial-number", "FWGATE-NVME-0001"), entry("model-number", "fwgate emulated NVMe"),
                entry("firmware-revision", "1.0"), entry("arbitration-burst-log2", 6L), entry("ieee-oui", 0x002538L),
                entry("multi-path", List.of("multiple-ports", "multiple-controllers", "ana-reporting")),
                entry("max-data-transfer-log2-pages", 5L), entry("controller-id", 0x41L),
                entry("version-major", 2L), entry("version-minor", 1L), entry("version-tertiary", 0L),
                entry("rtd3-resume-latency-us", "not-reported"), entry("rtd3-entry-latency-us", 1_000_000L),
                entry("controller-type", "io"),
                entry("admin-commands", List.of("format-nvm", "firmware-download-commit", "device-self-test")),
                entry("abort-command-limit", 4L), entry("async-event-request-limit", 4L),
                entry("firmware-slot-1-read-only", true), entry("firmware-slots", 3L),
                entry("firmware-activation-without-reset", true),
                entry("log-page-attributes", List.of("commands-supported-and-effects", "extended-data")),
                entry("error-log-entries", 64L), entry("power-states", 5L),
                entry("warning-temperature-kelvin", 343L), entry("warning-temperature-celsius", 70L),
                entry("critical-temperature-kelvin", "not-reported"), entry("critical-temperature-celsius", "not-reported"),
                entry("total-nvm-capacity-bytes", TIB), entry("unallocated-nvm-capacity-bytes", TIB / 4),
                entry("sanitize-capabilities", List.of("crypto-erase", "block-erase", "no-deallocate-inhibited")),
                entry("no-deallocate-modifies-media", "modified"), entry("max-namespaces", 1L),
                entry("nvm-commands", List.of("compare", "write-uncorrectable", "dataset-management", "write-zeroes",
                        "save-and-select-features", "timestamp")),
                entry("format-nvm-attributes", List.of("format-applies-to-all-namespaces", "crypto-erase-supported")),
                entry("volatile-write-cache-present", true),
                entry("nvm-subsystem-nqn", "nqn.2019-08.org.qemu:FWGATE-NVME-0001"));
    }

    @Test
    void identifyControllerOfANewerSpecHasMoreSanitizeBitsThanItNames() throws Exception {
        // SANICAP bit 4 is reserved here: it shows by number rather than disappearing
        byte[] payload = new Payload(4096).u32(328, 0x10 | 0x4).bytes();

        assertThat(command("identify-controller").response().decode(payload))
                .containsEntry("sanitize-capabilities", List.of("overwrite", "bit-4"))
                .containsEntry("no-deallocate-modifies-media", "not-defined");
    }

    @Test
    void identifyNamespace() throws Exception {
        // NSZE 0, NCAP 8, NUSE 16, NSFEAT 24, NLBAF 25, FLBAS 26, MC 27, DPC 28, DPS 29, NMIC 30, NVMCAP 48,
        // NGUID 104, EUI64 120, LBAF[64] from 128: {u16 MS, u8 LBADS, u8 RP bits 1:0}
        byte[] payload = new Payload(4096).u64(0, 2_097_152).u64(8, 2_097_152).u64(16, 1_048_576).u8(24, 0x01)
                .u8(25, 1).u8(26, 0x11).u8(27, 0x01).u8(28, 0x07).u8(29, 0x01).u8(30, 0x01).u64(48, 1L << 30)
                .hex(104, "00112233445566778899aabbccddeeff").hex(120, "0011223344556677")
                .u16(128, 0).u8(130, 9).u8(131, 2).u16(132, 8).u8(134, 12).u8(135, 0).bytes();

        Map<String, Object> values = command("identify-namespace").response().decode(payload);

        assertThat(values).containsEntry("size-blocks", 2_097_152L).containsEntry("capacity-blocks", 2_097_152L)
                .containsEntry("utilization-blocks", 1_048_576L).containsEntry("features", List.of("thin-provisioning"))
                .containsEntry("lba-format-count", 2L).containsEntry("lba-format-index", 1L)
                .containsEntry("metadata-at-end-of-lba", true).containsEntry("lba-format-index-upper", 0L)
                .containsEntry("metadata-capabilities", List.of("extended-lba"))
                .containsEntry("protection-capabilities", List.of("type-1", "type-2", "type-3"))
                .containsEntry("protection-type", "type-1").containsEntry("multi-path", List.of("shared"))
                .containsEntry("nvm-capacity-bytes", 1L << 30)
                .containsEntry("namespace-guid", "00112233445566778899aabbccddeeff")
                .containsEntry("eui64", "0011223344556677");
        List<?> formats = (List<?>) values.get("lba-formats");
        assertThat(formats).hasSize(64);
        assertThat(formats.get(0)).isEqualTo(Map.of("format", 0L, "metadata-size-bytes", 0L, "lba-data-size-log2", 9L,
                "relative-performance", "good"));
        assertThat(formats.get(1)).isEqualTo(Map.of("format", 1L, "metadata-size-bytes", 8L, "lba-data-size-log2", 12L,
                "relative-performance", "best"));
        assertThat(formats.get(63)).isEqualTo(Map.of("format", 63L, "metadata-size-bytes", 0L, "lba-data-size-log2", 0L,
                "relative-performance", "best"));
    }

    @Test
    void activeNamespacesListsTheIdsAndTheZerosAfterThem() throws Exception {
        byte[] payload = new Payload(4096).u32(0, 1).u32(4, 3).bytes();

        List<?> namespaces = (List<?>) command("active-namespaces").response().decode(payload).get("namespaces");

        assertThat(namespaces).hasSize(1024);
        assertThat(namespaces.subList(0, 3)).isEqualTo(List.of(Map.of("nsid", 1L), Map.of("nsid", 3L), Map.of("nsid", 0L)));
    }

    @Test
    void smartLog() throws Exception {
        // 0 critical warning, 1..2 composite temperature (K), 3 available spare, 4 threshold, 5 percentage used,
        // 6 endurance group summary, 16-byte counters from 32 every 16 bytes, 192/196 temperature minutes,
        // 200 eight u16 sensors (K), 216..228 thermal management counts and times
        byte[] payload = new Payload(512).u8(0, 0x22).u16(1, 318).u8(3, 95).u8(4, 10).u8(5, 3).u8(6, 0x04)
                .u64(32, 1000).u64(48, 2500).u64(64, 123_456).u64(80, 654_321).u64(96, 42).u64(112, 17)
                .u64(128, 8760).u64(144, 2).u64(160, 0).u64(176, 5).u32(192, 7).u32(196, 1).u16(200, 310)
                .u16(202, 0).u32(216, 4).u32(220, 1).u32(224, 120).u32(228, 30).bytes();

        Map<String, Object> values = command("smart-log").response().decode(payload);

        assertThat(values).containsEntry("critical-warnings", List.of("temperature", "pmr-read-only"))
                .containsEntry("composite-temperature-kelvin", 318L).containsEntry("composite-temperature-celsius", 45L)
                .containsEntry("available-spare-percent", 95L).containsEntry("available-spare-threshold-percent", 10L)
                .containsEntry("life-used-percent", 3L).containsEntry("endurance-group-warnings", List.of("reliability-degraded"))
                .containsEntry("data-units-read", 1000L).containsEntry("data-read-bytes", 512_000_000L)
                .containsEntry("data-units-written", 2500L).containsEntry("data-written-bytes", 1_280_000_000L)
                .containsEntry("host-read-commands", 123_456L).containsEntry("host-write-commands", 654_321L)
                .containsEntry("controller-busy-minutes", 42L).containsEntry("power-cycles", 17L)
                .containsEntry("power-on-hours", 8760L).containsEntry("unsafe-shutdowns", 2L)
                .containsEntry("media-errors", 0L).containsEntry("error-log-entries", 5L)
                .containsEntry("warning-temperature-minutes", 7L).containsEntry("critical-temperature-minutes", 1L)
                .containsEntry("thermal-management-1-transitions", 4L).containsEntry("thermal-management-2-transitions", 1L)
                .containsEntry("thermal-management-1-seconds", 120L).containsEntry("thermal-management-2-seconds", 30L);
        List<?> sensors = (List<?>) values.get("temperature-sensors");
        assertThat(sensors).hasSize(8);
        assertThat(sensors.get(0)).isEqualTo(Map.of("kelvin", 310L, "celsius", 37L));
        assertThat(sensors.get(1)).isEqualTo(Map.of("kelvin", "not-implemented", "celsius", "not-implemented"));
    }

    @Test
    void smartLogNamesEveryCriticalWarningBit() throws Exception {
        byte[] payload = new Payload(512).u8(0, 0x3f).bytes();

        assertThat(command("smart-log").response().decode(payload).get("critical-warnings")).isEqualTo(List.of(
                "available-spare-low", "temperature", "reliability-degraded", "read-only", "volatile-backup-failed",
                "pmr-read-only"));
    }

    @Test
    void smartLogCountersAboveLongMaxStayExact() throws Exception {
        byte[] payload = new Payload(512).u64(32, -1L).bytes();
        BigInteger all = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

        assertThat(command("smart-log").response().decode(payload)).containsEntry("data-units-read", all)
                .containsEntry("data-read-bytes", all.multiply(BigInteger.valueOf(512_000)));
    }

    @Test
    void effectsLogShowsEachAdminOpcodeWithItsEffects() throws Exception {
        // acs[256] of le32 from 0, iocs[256] from 1024: bit 0 CSUPP, 1 LBCC, 2 NCC, 3 NIC, 4 CCC, 18:16 CSE,
        // 19 UUID selection
        byte[] payload = new Payload(4096).u32(4 * 0x02, 0x1).u32(4 * 0x06, 0x1).u32(4 * 0x09, 0x11)
                .u32(4 * 0x80, 0x7 | 2 << 16).u32(4 * 0x84, 0xb | 1 << 16 | 1 << 19).u32(1024 + 4 * 0x01, 0x3).bytes();

        List<?> admin = (List<?>) command("effects-log").response().decode(payload).get("admin-commands");

        assertThat(admin).hasSize(256);
        assertThat(admin.get(0x00)).isEqualTo(effects(0x00, List.of(), "no-restriction", false));
        assertThat(admin.get(0x02)).isEqualTo(effects(0x02, List.of("command-supported"), "no-restriction", false));
        assertThat(admin.get(0x09)).isEqualTo(effects(0x09, List.of("command-supported", "controller-capability-change"),
                "no-restriction", false));
        assertThat(admin.get(0x80)).isEqualTo(effects(0x80, List.of("command-supported", "logical-block-content-change",
                "namespace-capability-change"), "one-per-controller", false));
        assertThat(admin.get(0x84)).isEqualTo(effects(0x84, List.of("command-supported", "logical-block-content-change",
                "namespace-inventory-change"), "one-per-namespace", true));
        assertThat(admin.get(0xff)).isEqualTo(effects(0xff, List.of(), "no-restriction", false));
    }

    @Test
    void errorLogDecodesEachEntryAndMarksUnusedOnes() throws Exception {
        // 0 error count, 8 SQID, 10 CID, 12 status field (bit 0 phase tag, 8:1 SC, 11:9 SCT, 14 more, 15 DNR),
        // 14 parameter error location, 16 LBA, 24 NSID, 28 vendor log page, 29 transport type, 32 command
        // specific, 40 transport specific; 64 bytes each. Invalid Firmware Slot: SCT 1, SC 06h, DNR.
        byte[] payload = new Payload(128).u64(0, 5).u16(8, 0).u16(10, 0x1234).u16(12, 0x06 << 1 | 1 << 9 | 1 << 15)
                .u16(14, 0x0028).u64(16, 0x1000).u32(24, 1).u8(28, 0xc0).u8(29, 3).u64(32, 0xabcd).u16(40, 0x77)
                .bytes();

        List<?> entries = (List<?>) command("error-log").response().decode(payload).get("entries");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isEqualTo(Map.ofEntries(entry("error-count", 5L), entry("submission-queue-id", 0L),
                entry("command-id", 0x1234L), entry("status-code", 0x06L), entry("status-code-type", "command-specific"),
                entry("more", false), entry("do-not-retry", true), entry("parameter-error-location", 0x28L),
                entry("lba", 0x1000L), entry("nsid", 1L), entry("vendor-log-page", 0xc0L), entry("transport-type", 3L),
                entry("command-specific-information", 0xabcdL), entry("transport-specific-information", 0x77L)));
        assertThat(element(entries, 1)).containsEntry("error-count", "unused")
                .containsEntry("status-code-type", "generic");
    }

    @Test
    void errorLogShowsAParameterLocationThatDoesNotApply() throws Exception {
        byte[] payload = new Payload(64).u64(0, 1).u16(14, 0xffff).bytes();

        assertThat(element(command("error-log").response().decode(payload).get("entries"), 0)).containsEntry("parameter-error-location", "not-applicable");
    }

    @Test
    void fwLog() throws Exception {
        // AFI 0 (bits 2:0 active slot, 6:4 next reset slot), FRS1..FRS7 8 bytes each from 8
        byte[] payload = new Payload(512).u8(0, 2 << 4 | 1).ascii(8, "1.0").ascii(16, "1.1").ascii(56, "7.7.7.7").bytes();

        assertThat(command("fw-log").response().decode(payload)).containsExactly(entry("active-slot", 1L),
                entry("next-reset-slot", 2L), entry("slot-1-revision", "1.0"), entry("slot-2-revision", "1.1"),
                entry("slot-3-revision", ""), entry("slot-4-revision", ""), entry("slot-5-revision", ""),
                entry("slot-6-revision", ""), entry("slot-7-revision", "7.7.7.7"));
    }

    @Test
    void sanitizeLogWhileInProgress() throws Exception {
        // SPROG 0, SSTAT 2 (bits 2:0 status, 7:3 passes, 8 global data erased), SCDW10 4, ETO 8, ETBE 12,
        // ETCE 16, ETOND 20, ETBEND 24, ETCEND 28
        byte[] payload = new Payload(512).u16(0, 0x8000).u16(2, 0x2).u32(4, 0x12).u32(8, 0xffff_ffffL).u32(12, 10)
                .u32(16, 1).u32(20, 0xffff_ffffL).u32(24, 12).u32(28, 2).bytes();

        assertThat(command("sanitize-log").response().decode(payload)).containsExactly(entry("progress", 32_768L),
                entry("status", "in-progress"), entry("overwrite-passes-completed", 0L), entry("global-data-erased", false),
                entry("command-dword-10", 0x12L), entry("estimated-overwrite-seconds", "not-reported"),
                entry("estimated-block-erase-seconds", 10L), entry("estimated-crypto-erase-seconds", 1L),
                entry("estimated-overwrite-no-deallocate-seconds", "not-reported"),
                entry("estimated-block-erase-no-deallocate-seconds", 12L),
                entry("estimated-crypto-erase-no-deallocate-seconds", 2L));
    }

    @Test
    void sanitizeLogAfterACompletedOverwrite() throws Exception {
        byte[] payload = new Payload(512).u16(0, 0xffff).u16(2, 0x1 | 3 << 3 | 1 << 8).u32(4, 0x33).bytes();

        assertThat(command("sanitize-log").response().decode(payload)).containsEntry("progress", "not-in-progress")
                .containsEntry("status", "completed").containsEntry("overwrite-passes-completed", 3L)
                .containsEntry("global-data-erased", true).containsEntry("command-dword-10", 0x33L);
    }

    @Test
    void getFeatureAnswersInCompletionDword0() throws Exception {
        // Number of Queues: NSQA bits 15:0, NCQA bits 31:16, both 0-based
        assertThat(command("get-feature").response().decode(new byte[0], Map.of("result", 0x0003_0007L)))
                .containsExactly(entry("value", 0x0003_0007L));
        assertThat(command("get-feature").response().maxSize()).isZero();
    }

    @Test
    void getFeatureWithoutACompletionDwordIsUndecodable() {
        assertThatThrownBy(() -> command("get-feature").response().decode(new byte[0]))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'result'");
    }

    @Test
    void setFeatureShowsCompletionDword0() throws Exception {
        assertThat(command("set-feature").response().decode(new byte[0], Map.of("result", 0x0001_0001L)))
                .containsExactly(entry("result", 0x0001_0001L));
    }

    @ParameterizedTest
    @ValueSource(strings = { "format-nvm", "sanitize", "fw-download", "fw-commit" })
    void commandsThatTransferNoDataDecodeToNothing(String name) throws Exception {
        assertThat(command(name).response().maxSize()).isZero();
        assertThat(command(name).response().decode(new byte[0], Map.of("result", 0L))).isEmpty();
    }

    @Test
    void aTruncatedIdentifyNamesTheFieldItLacks() {
        byte[] payload = new Payload(300).bytes();

        assertThatThrownBy(() -> command("identify-controller").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'unallocated-nvm-capacity-bytes' at offset 0x128");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> element(Object list, int index) {
        return ((List<Map<String, Object>>) list).get(index);
    }

    private static Map<String, Object> effects(int opcode, List<String> effects, String cse, boolean uuid) {
        return Map.of("opcode", (long) opcode, "effects", effects, "submission-and-execution", cse,
                "uuid-selection-supported", uuid);
    }
}
