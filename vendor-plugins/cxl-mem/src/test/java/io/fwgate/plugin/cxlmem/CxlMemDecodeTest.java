package io.fwgate.plugin.cxlmem;

import static io.fwgate.plugin.cxlmem.CxlMemTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fwgate.api.DecodeException;
import io.fwgate.kit.Payload;

/**
 * One hand-built response per command, with every field placed at the offset the CXL 3.x specification
 * gives (cross-checked with Linux cxlmem.h / include/cxl/event.h, libcxlmi and QEMU cxl-mailbox-utils.c).
 */
class CxlMemDecodeTest {
    private static final long MIB_256 = 256L * 1024 * 1024;
    private static final String CEL_UUID = "0da9c0b5-bf41-4b78-8f79-96b1623b3f17";

    @Test
    void identifyComponent() throws Exception {
        // Identify (0001h) output: 12h bytes
        byte[] payload = new Payload(0x12).u16(0x00, 0x8086).u16(0x02, 0x0d93).u16(0x04, 0x1af4).u16(0x06, 0x1100)
                .u64(0x08, 0x0123456789abcdefL).u8(0x10, 11).u8(0x11, 0x03).bytes();

        assertThat(command("identify-component").response().decode(payload)).containsExactly(
                entry("pci-vendor-id", 0x8086L), entry("pci-device-id", 0x0d93L),
                entry("pci-subsystem-vendor-id", 0x1af4L), entry("pci-subsystem-id", 0x1100L),
                entry("serial-number", 0x0123456789abcdefL), entry("max-message-size-log2", 11L),
                entry("component-type", "type-3-device"));
    }

    @Test
    void backgroundOperationStatus() throws Exception {
        // byte 0: bit 0 in progress, bits 7:1 percentage complete; 2: opcode; 4: return code; 6: vendor status
        byte[] payload = new Payload(8).u8(0, 50 << 1 | 1).u16(2, 0x4400).u16(4, 0).u16(6, 0x0007).bytes();

        assertThat(command("background-operation-status").response().decode(payload)).containsExactly(
                entry("in-progress", true), entry("complete-percent", 50L), entry("command-opcode", 0x4400L),
                entry("return-code", 0L), entry("vendor-extended-status", 7L));
    }

    @Test
    void getEventRecords() throws Exception {
        // header 20h bytes, then 128-byte records: UUID, length, 3 flag bytes at 11h, handle 14h,
        // related handle 16h, timestamp 18h, maintenance class 20h / subclass 21h, data 30h..7fh
        byte[] payload = new Payload(0x20 + 128).u8(0x00, 0x03).u16(0x02, 2).u64(0x04, 1000).u64(0x0c, 2000)
                .u16(0x14, 1)
                .hex(0x20, "fbcd0a77-c260-417f-85a9-088b1621eba6").u8(0x30, 128).u8(0x31, 0x24).u16(0x34, 0x10)
                .u16(0x36, 0x0f).u64(0x38, 1_700_000_000_000_000_000L).u8(0x40, 2).u8(0x41, 1).u8(0x50, 0xaa)
                .u8(0x9f, 0xbb).bytes();

        Map<String, Object> values = command("get-event-records").response().decode(payload);

        assertThat(values).containsEntry("flags", List.of("overflow", "more-records"))
                .containsEntry("overflow-error-count", 2L).containsEntry("first-overflow-timestamp-ns", 1000L)
                .containsEntry("last-overflow-timestamp-ns", 2000L).containsEntry("record-count", 1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> record = ((List<Map<String, Object>>) values.get("records")).get(0);
        assertThat(record).containsEntry("record-uuid", "fbcd0a77-c260-417f-85a9-088b1621eba6")
                .containsEntry("length-bytes", 128L)
                .containsEntry("flags", List.of("permanent-condition", "hardware-replacement-needed"))
                .containsEntry("handle", 0x10L).containsEntry("related-handle", 0x0fL)
                .containsEntry("timestamp-ns", 1_700_000_000_000_000_000L)
                .containsEntry("maintenance-operation-class", 2L).containsEntry("maintenance-operation-subclass", 1L);
        assertThat((String) record.get("record-data")).hasSize(160).startsWith("aa00").endsWith("00bb");
    }

    @Test
    void getEventRecordsWithMoreRecordsThanBytesIsRefused() {
        byte[] payload = new Payload(0x20 + 128).u16(0x14, 2).bytes();

        assertThatThrownBy(() -> command("get-event-records").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("records");
    }

    @Test
    void getFwInfo() throws Exception {
        // 0: slots, 1: bits 2:0 active, 5:3 staged, 2: bit 0 online activation, 10h/20h/30h/40h: revisions
        byte[] payload = new Payload(0x50).u8(0, 2).u8(1, 2 << 3 | 1).u8(2, 1).ascii(0x10, "BWFW VERSION 0")
                .ascii(0x20, "BWFW VERSION 1").bytes();

        assertThat(command("get-fw-info").response().decode(payload)).containsExactly(
                entry("slots-supported", 2L), entry("active-slot", 1L), entry("staged-slot", 2L),
                entry("online-activation-supported", true), entry("slot-1-revision", "BWFW VERSION 0"),
                entry("slot-2-revision", "BWFW VERSION 1"), entry("slot-3-revision", ""), entry("slot-4-revision", ""));
    }

    @Test
    void getTimestamp() throws Exception {
        byte[] payload = new Payload(8).u64(0, 1_764_000_000_123_456_789L).bytes();

        assertThat(command("get-timestamp").response().decode(payload))
                .containsExactly(entry("timestamp-ns", 1_764_000_000_123_456_789L));
    }

    @Test
    void getSupportedLogs() throws Exception {
        // 0: entry count, 8: entries of {UUID, u32 size} (14h bytes each)
        byte[] payload = new Payload(8 + 20).u16(0, 1).hex(8, CEL_UUID).u32(0x18, 0x100).bytes();

        assertThat(command("get-supported-logs").response().decode(payload)).containsExactly(
                entry("entry-count", 1L), entry("logs", List.of(Map.of("log-uuid", CEL_UUID, "size-bytes", 256L))));
    }

    @Test
    void getLogDecodesTheCommandEffectsLog() throws Exception {
        // CEL entries {u16 opcode, u16 effect}: Identify none; Sanitize data|security|background|abort;
        // Set Timestamp policy change
        byte[] payload = new Payload(12).u16(0, 0x0001).u16(2, 0).u16(4, 0x4400).u16(6, 0x00e4).u16(8, 0x0301)
                .u16(10, 0x0008).bytes();

        assertThat(command("get-log").response().decode(payload).get("entries")).isEqualTo(List.of(
                Map.of("opcode", 0x0001L, "effects", List.of()),
                Map.of("opcode", 0x4400L, "effects", List.of("data-change-immediate", "security-state-change",
                        "background-operation", "background-abort-supported")),
                Map.of("opcode", 0x0301L, "effects", List.of("policy-change-immediate"))));
    }

    @Test
    void getSupportedFeatures() throws Exception {
        // header: 0 entries returned, 2 device feature count; entries from 8, 30h bytes each: UUID, index 10h,
        // get size 12h, set size 14h, attributes 16h, get version 1ah, set version 1bh, effects 1ch
        byte[] payload = new Payload(8 + 48).u16(0, 1).u16(2, 8).hex(8, "96dad7d6-fde8-482b-a733-75774e06db8a")
                .u16(8 + 0x10, 0).u16(8 + 0x12, 9).u16(8 + 0x14, 3).u32(8 + 0x16, 0x21).u8(8 + 0x1a, 1)
                .u8(8 + 0x1b, 2).u16(8 + 0x1c, 0x0202).bytes();

        Map<String, Object> values = command("get-supported-features").response().decode(payload);

        assertThat(values).containsEntry("entry-count", 1L).containsEntry("device-feature-count", 8L);
        assertThat(((List<?>) values.get("features")).get(0)).isEqualTo(Map.ofEntries(
                entry("feature-uuid", "96dad7d6-fde8-482b-a733-75774e06db8a"), entry("feature-index", 0L),
                entry("get-feature-size-bytes", 9L), entry("set-feature-size-bytes", 3L), entry("changeable", true),
                entry("deepest-reset-persistence", 0L), entry("persists-across-firmware-update", false),
                entry("default-selection-supported", true), entry("saved-selection-supported", false),
                entry("get-feature-version", 1L), entry("set-feature-version", 2L),
                entry("set-feature-effects", List.of("config-change-immediate", "effects-valid"))));
    }

    @Test
    void getFeatureAndGetLsaReturnTheirBytes() throws Exception {
        byte[] payload = new Payload(4).u32(0, 0x0403_0201).bytes();

        assertThat(command("get-feature").response().decode(payload)).containsExactly(entry("data", "01020304"));
        assertThat(command("get-lsa").response().decode(payload)).containsExactly(entry("data", "01020304"));
    }

    @Test
    void identifyGivesCapacitiesInBytes() throws Exception {
        // Identify Memory Device output: capacities in multiples of 256 MiB at 10h, 18h, 20h, 28h
        byte[] payload = new Payload(0x43).ascii(0x00, "FWREV 1.2.3").u64(0x10, 0x190).u64(0x18, 0x100)
                .u64(0x20, 0x90).u64(0x28, 1).u16(0x30, 64).u16(0x32, 32).u16(0x34, 16).u16(0x36, 8)
                .u32(0x38, 0x40000).hex(0x3c, "000100").u16(0x3f, 16).u8(0x41, 0x03).u8(0x42, 0x02).bytes();

        assertThat(command("identify").response().decode(payload)).containsExactly(
                entry("firmware-revision", "FWREV 1.2.3"), entry("total-capacity-bytes", 107374182400L),
                entry("volatile-only-capacity-bytes", 0x100 * MIB_256),
                entry("persistent-only-capacity-bytes", 0x90 * MIB_256), entry("partition-alignment-bytes", MIB_256),
                entry("informational-event-log-size", 64L), entry("warning-event-log-size", 32L),
                entry("failure-event-log-size", 16L), entry("fatal-event-log-size", 8L),
                entry("lsa-size-bytes", 0x40000L), entry("poison-list-max-records", 256L),
                entry("inject-poison-limit", 16L),
                entry("poison-handling-capabilities", List.of("injects-persistent-poison", "scans-for-poison")),
                entry("qos-telemetry-capabilities", List.of("temporary-throughput-reduction")));
    }

    @Test
    void identifyAcceptsTheLongerCxl3Payload() throws Exception {
        // CXL 3.x adds the dynamic capacity event log size at 43h
        byte[] payload = new Payload(0x45).u64(0x10, 4).u16(0x43, 8).bytes();

        assertThat(command("identify").response().decode(payload)).containsEntry("total-capacity-bytes", 4 * MIB_256);
    }

    @Test
    void getHealthInfo() throws Exception {
        // 0 health status bits, 1 media status, 2 additional status (1:0 life used, 3:2 temperature,
        // 4 volatile and 5 persistent error warnings), 3 life used %, 4 temperature (s16 C), 6 dirty
        // shutdowns, 0ah corrected volatile errors, 0eh corrected persistent errors
        byte[] payload = new Payload(0x12).u8(0, 0x05).u8(1, 0x02).u8(2, 0x19).u8(3, 42).u16(4, -5)
                .u32(6, 3).u32(0x0a, 1000).u32(0x0e, 7).bytes();

        assertThat(command("get-health-info").response().decode(payload)).containsExactly(
                entry("health-status", List.of("maintenance-needed", "hardware-replacement-needed")),
                entry("media-status", "write-persistency-lost"), entry("life-used-status", "warning"),
                entry("temperature-status", "critical"), entry("corrected-volatile-error-warning", true),
                entry("corrected-persistent-error-warning", false), entry("life-used-percent", 42L),
                entry("device-temperature-celsius", -5L), entry("dirty-shutdown-count", 3L),
                entry("corrected-volatile-error-count", 1000L), entry("corrected-persistent-error-count", 7L));
    }

    @Test
    void getHealthInfoShowsWhatIsNotImplemented() throws Exception {
        byte[] payload = new Payload(0x12).u8(3, 0xff).u16(4, 0xffff).bytes();

        assertThat(command("get-health-info").response().decode(payload))
                .containsEntry("life-used-percent", "not-implemented")
                .containsEntry("device-temperature-celsius", "not-implemented")
                .containsEntry("health-status", List.of()).containsEntry("media-status", "normal");
    }

    @ParameterizedTest
    @ValueSource(strings = { "clear-event-records", "set-timestamp", "set-feature", "set-lsa", "sanitize" })
    void commandsThatAnswerNothingDecodeToNothing(String name) throws Exception {
        assertThat(command(name).response().maxSize()).isZero();
        assertThat(command(name).response().decode(new byte[0])).isEmpty();
    }

    @Test
    void aTruncatedIdentifyNamesTheFieldItLacks() {
        byte[] payload = new Payload(0x14).bytes();

        assertThatThrownBy(() -> command("identify").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'total-capacity-bytes' at offset 0x10");
    }
}
