package io.fwgate.plugin.cxlmem;

import static io.fwgate.plugin.cxlmem.CxlMemTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.kit.Payload;
import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;

/** Request payloads built from arguments, compared with payloads laid out by hand at the spec's offsets. */
class CxlMemEncodeTest {
    private static final String CEL_UUID = "0da9c0b5-bf41-4b78-8f79-96b1623b3f17";
    private static final String PATROL_SCRUB = "96dad7d6-fde8-482b-a733-75774e06db8a";

    @Test
    void setTimestampTakesNanosecondsSinceTheEpoch() throws Exception {
        byte[] expected = new Payload(8).u64(0, 1_764_000_000_123_456_789L).bytes();

        assertThat(encode("set-timestamp", Map.of("timestamp", "1764000000123456789")).payload()).isEqualTo(expected);
    }

    @Test
    void getLsaTakesOffsetAndLength() throws Exception {
        byte[] expected = new Payload(8).u32(0, 0x100).u32(4, 64).bytes();

        assertThat(encode("get-lsa", Map.of("offset", "0x100", "length", "64")).payload()).isEqualTo(expected);
        assertThat(encode("get-lsa", Map.of("length", "64")).payload()).isEqualTo(new Payload(8).u32(4, 64).bytes());
    }

    @Test
    void setLsaPutsTheDataAfterTheOffsetAndAReservedWord() throws Exception {
        byte[] expected = new Payload(10).u32(0, 16).hex(8, "cafe").bytes();

        assertThat(encode("set-lsa", Map.of("offset", "16", "data", "ca fe")).payload()).isEqualTo(expected);
    }

    @Test
    void getLogReadsTheCelByDefaultAndNeedsALength() throws Exception {
        byte[] expected = new Payload(0x18).hex(0, CEL_UUID).u32(0x10, 0).u32(0x14, 68).bytes();

        assertThat(encode("get-log", Map.of("length", "68")).payload()).isEqualTo(expected);
        assertThatThrownBy(() -> encode("get-log", Map.of())).hasMessageContaining("length");
        assertThat(encode("get-log", Map.of("offset", "4", "length", "8")).payload())
                .isEqualTo(new Payload(0x18).hex(0, CEL_UUID).u32(0x10, 4).u32(0x14, 8).bytes());
    }

    @Test
    void getEventRecordsNamesTheLog() throws Exception {
        assertThat(encode("get-event-records", Map.of("log", "fatal")).payload()).containsExactly(3);
        assertThat(encode("get-event-records", Map.of("log", "dynamic-capacity")).payload()).containsExactly(4);
        assertThatThrownBy(() -> encode("get-event-records", Map.of("log", "debug")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("argument 'log': 'debug' is not one of informational, warning, failure, fatal, dynamic-capacity");
        assertThatThrownBy(() -> encode("get-event-records", Map.of())).hasMessage("missing required argument 'log'");
    }

    @Test
    void clearEventRecordsListsHandlesAfterTheHeader() throws Exception {
        // 0 log, 1 flags (bit 0 clear all), 2 handle count, 3..5 reserved, 6.. handles of 2 bytes
        byte[] expected = new Payload(10).u8(0, 1).u8(2, 2).u16(6, 0x0001).u16(8, 0x0002).bytes();

        assertThat(encode("clear-event-records", Map.of("log", "warning", "handle-count", "2", "handles", "0100 0200"))
                .payload()).isEqualTo(expected);
        assertThat(encode("clear-event-records", Map.of("log", "failure", "clear-all", "1")).payload())
                .isEqualTo(new Payload(6).u8(0, 2).u8(1, 1).bytes());
    }

    @Test
    void getSupportedFeaturesAsksForAByteCountFromAnIndex() throws Exception {
        assertThat(encode("get-supported-features", Map.of()).payload())
                .isEqualTo(new Payload(8).u32(0, 1024).u16(4, 0).bytes());
        assertThat(encode("get-supported-features", Map.of("count", "56", "start-index", "3")).payload())
                .isEqualTo(new Payload(8).u32(0, 56).u16(4, 3).bytes());
    }

    @Test
    void getFeatureTakesTheFeatureUuidAndSelection() throws Exception {
        // UUID 0, offset 10h, count 12h, selection 14h: 15h bytes
        byte[] expected = new Payload(0x15).hex(0, PATROL_SCRUB).u16(0x10, 0).u16(0x12, 9).u8(0x14, 2).bytes();

        assertThat(encode("get-feature", Map.of("uuid", PATROL_SCRUB, "count", "9", "selection", "saved")).payload())
                .isEqualTo(expected);
    }

    @Test
    void setFeatureHasAHeaderThenTheData() throws Exception {
        // UUID 0, flags 10h (bits 2:0 action, bit 3 saved across reset), offset 14h, version 16h,
        // 9 reserved bytes, data from 20h
        byte[] expected = new Payload(0x22).hex(0, PATROL_SCRUB).u32(0x10, 1 | 1 << 3).u16(0x14, 0).u8(0x16, 1)
                .hex(0x20, "0a0b").bytes();

        assertThat(encode("set-feature", Map.of("uuid", PATROL_SCRUB, "action", "initiate", "saved-across-reset", "1",
                "version", "1", "data", "0a0b")).payload()).isEqualTo(expected);
    }

    @Test
    void commandsWithoutArgumentsSendNoPayload() throws Exception {
        for (String name : new String[] { "identify", "identify-component", "get-health-info", "get-fw-info",
                "get-timestamp", "get-supported-logs", "background-operation-status", "sanitize" }) {
            assertThat(command(name).request().fields()).as(name).isEmpty();
            assertThat(encode(name, Map.of()).payload()).as(name).isEmpty();
        }
    }

    private static EncodedRequest encode(String name, Map<String, String> args) throws InvalidArgumentException {
        return command(name).request().encode(args);
    }

    @Test
    void poisonCommandsCarryTheAddressAndTheLineData() throws Exception {
        assertThat(encode("inject-poison", Map.of("address", "0x10040")).payload())
                .isEqualTo(new Payload(8).u64(0, 0x10040).bytes());
        byte[] clear = encode("clear-poison", Map.of("address", "0x40", "data", "ff".repeat(64))).payload();
        assertThat(clear).hasSize(72);
        assertThat(clear[0]).isEqualTo((byte) 0x40);
        assertThat(clear[8]).isEqualTo((byte) 0xff);
        assertThat(clear[71]).isEqualTo((byte) 0xff);
    }
}
