package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;

class ResponseLayoutTest {
    @Test
    void decodesEveryIntegerTypeLittleEndian() throws Exception {
        ResponseLayout layout = response("{'max-size': 30, 'fields': ["
                + "{'name': 'a', 'offset': 0, 'type': 'u8'}, {'name': 'b', 'offset': 1, 'type': 'u16'},"
                + "{'name': 'c', 'offset': 3, 'type': 'u32'}, {'name': 'd', 'offset': 7, 'type': 'u64'},"
                + "{'name': 'e', 'offset': 15, 'type': 's8'}, {'name': 'f', 'offset': 16, 'type': 's16'},"
                + "{'name': 'g', 'offset': 18, 'type': 's32'}, {'name': 'h', 'offset': 22, 'type': 's64'}]}");

        Map<String, Object> values = layout.decode(bytes("ff" + "3412" + "78563412" + "0100000000000000" + "80"
                + "feff" + "f0ffffff" + "0000000000000080"));

        assertThat(values).containsExactly(entry("a", 255L), entry("b", 0x1234L), entry("c", 0x12345678L),
                entry("d", 1L), entry("e", -128L), entry("f", -2L), entry("g", -16L), entry("h", Long.MIN_VALUE));
    }

    @Test
    void aSignedBitFieldIsSignExtendedFromItsWidth() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': ["
                + "{'name': 'low', 'offset': 0, 'type': 's16', 'shift': 0, 'width': 4},"
                + "{'name': 'high', 'offset': 0, 'type': 's16', 'shift': 4, 'width': 4}]}");

        // bits 3:0 = 0111b (7), bits 7:4 = 1111b (-1 in four bits)
        assertThat(layout.decode(bytes("f700"))).containsExactly(entry("low", 7L), entry("high", -1L));
    }

    @Test
    void u64AboveLongMaxIsABigInteger() throws Exception {
        ResponseLayout layout = response("{'max-size': 16, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u64'},"
                + " {'name': 'b', 'offset': 8, 'type': 'u64'}]}");

        Map<String, Object> values = layout.decode(bytes("ffffffffffffffff" + "ffffffffffffff7f"));

        assertThat(values.get("a")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(values.get("b")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decodesBigEndianIntegers() throws Exception {
        ResponseLayout layout = response("{'max-size': 6, 'fields': ["
                + "{'name': 'a', 'offset': 0, 'type': 'u16', 'endian': 'big'},"
                + "{'name': 'b', 'offset': 2, 'type': 's32', 'endian': 'big'}]}");

        assertThat(layout.decode(bytes("1234" + "fffffffe"))).containsExactly(entry("a", 0x1234L), entry("b", -2L));
    }

    @Test
    void bitFieldsAndBoolsReadTheirBits() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': ["
                + "{'name': 'busy', 'offset': 0, 'type': 'u8', 'shift': 0, 'bool': true},"
                + "{'name': 'percent', 'offset': 0, 'type': 'u8', 'shift': 1, 'width': 7},"
                + "{'name': 'delta', 'offset': 1, 'type': 's8', 'shift': 4, 'width': 4}]}");

        assertThat(layout.decode(bytes("c9" + "e0"))).containsExactly(entry("busy", true), entry("percent", 100L),
                entry("delta", -2L));
        assertThat(layout.decode(bytes("00" + "70")).get("busy")).isEqualTo(false);
    }

    @Test
    void enumsNameValuesAndShowUnlistedOnesAsUnknown() throws Exception {
        ResponseLayout layout = response("{'max-size': 1, 'fields': [{'name': 'media', 'offset': 0, 'type': 'u8',"
                + " 'enum': {'0': 'normal', '0x01': 'not-ready'}}]}");

        assertThat(layout.decode(bytes("01")).get("media")).isEqualTo("not-ready");
        assertThat(layout.decode(bytes("2a")).get("media")).isEqualTo("unknown (0x2a)");
    }

    @Test
    void flagsListTheSetBitsLowestFirst() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': [{'name': 'status', 'offset': 0, 'type': 'u16',"
                + " 'flags': {'0': 'maintenance-needed', '2': 'hardware-replacement-needed', '9': 'effects-valid'}}]}");

        assertThat(layout.decode(bytes("0d02")).get("status"))
                .isEqualTo(List.of("maintenance-needed", "hardware-replacement-needed", "bit-3", "effects-valid"));
        assertThat(layout.decode(bytes("0000")).get("status")).isEqualTo(List.of());
    }

    @Test
    void specialValuesComeBeforeScaleAndBias() throws Exception {
        ResponseLayout layout = response("{'max-size': 4, 'fields': ["
                + "{'name': 'temperature-celsius', 'offset': 0, 'type': 's16', 'bias': -273, 'special': {'0xffff': 'not-implemented'}},"
                + "{'name': 'life-used-percent', 'offset': 2, 'type': 'u8', 'special': {'255': 'not-implemented'}},"
                + "{'name': 'offset', 'offset': 3, 'type': 's8', 'special': {'-1': 'none'}}]}");

        assertThat(layout.decode(bytes("ffff" + "ff" + "ff"))).containsExactly(entry("temperature-celsius", "not-implemented"),
                entry("life-used-percent", "not-implemented"), entry("offset", "none"));
        assertThat(layout.decode(bytes("3401" + "2a" + "05"))).containsExactly(entry("temperature-celsius", 35L),
                entry("life-used-percent", 42L), entry("offset", 5L));
    }

    @Test
    void scaleMultipliesAndGrowsIntoABigInteger() throws Exception {
        ResponseLayout layout = response("{'max-size': 16, 'fields': ["
                + "{'name': 'total-capacity-bytes', 'offset': 0, 'type': 'u64', 'scale': 268435456},"
                + "{'name': 'huge-bytes', 'offset': 8, 'type': 'u64', 'scale': '0x10000000'}]}");

        Map<String, Object> values = layout.decode(bytes("9001000000000000" + "ffffffffffffffff"));

        assertThat(values.get("total-capacity-bytes")).isEqualTo(107374182400L);
        assertThat(values.get("huge-bytes")).isEqualTo(new BigInteger("ffffffffffffffff", 16).shiftLeft(28));
    }

    @Test
    void aValueNamedByBothItsBitPatternAndItsSignedNumberTakesTheBitPatternsName() throws Exception {
        ResponseLayout layout = response("{'max-size': 1, 'fields': [{'name': 'x', 'offset': 0, 'type': 's8',"
                + " 'enum': {'-1': 'as-signed', '0xff': 'as-pattern', '-2': 'minus-two'}}]}");

        assertThat(layout.decode(bytes("ff")).get("x")).isEqualTo("as-pattern");
        assertThat(layout.decode(bytes("fe")).get("x")).isEqualTo("minus-two");
        assertThat(layout.decode(bytes("fd")).get("x")).isEqualTo("unknown (0xfd)");
    }

    @Test
    void anUnnamedU64WithItsTopBitSetShowsAllItsBits() throws Exception {
        ResponseLayout layout = response("{'max-size': 8, 'fields': [{'name': 'x', 'offset': 0, 'type': 'u64',"
                + " 'enum': {'0xffffffffffffffff': 'all-ones'}}]}");

        assertThat(layout.decode(bytes("ffffffffffffffff")).get("x")).isEqualTo("all-ones");
        assertThat(layout.decode(bytes("feffffffffffffff")).get("x")).isEqualTo("unknown (0xfffffffffffffffe)");
    }

    @Test
    void signedValuesScaleAndOverflowIntoABigInteger() throws Exception {
        ResponseLayout layout = response("{'max-size': 10, 'fields': ["
                + "{'name': 'small', 'offset': 0, 'type': 's16', 'scale': 10, 'bias': 5},"
                + "{'name': 'wide', 'offset': 2, 'type': 's64', 'scale': 2}]}");

        Map<String, Object> values = layout.decode(bytes("feff" + "0000000000000080"));

        assertThat(values.get("small")).isEqualTo(-15L);
        assertThat(values.get("wide")).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).shiftLeft(1));
    }

    @Test
    void stringsAreTrimmedOfTrailingNulsAndSpaces() throws Exception {
        ResponseLayout layout = response("{'max-size': 16, 'fields': ["
                + "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 8},"
                + "{'name': 'b', 'offset': 8, 'type': 'string', 'size': 8}]}");

        // "FW 1.0" + NUL + space; "A" + 0x01 + "B" + NUL padding
        Map<String, Object> values = layout.decode(bytes("465720312e300020" + "4101420000000000"));

        assertThat(values).containsExactly(entry("a", "FW 1.0"), entry("b", "A?B"));
    }

    @Test
    void bytesAreHexAndTheLastCanTakeTheRest() throws Exception {
        ResponseLayout layout = response("{'max-size': 64, 'fields': ["
                + "{'name': 'key', 'offset': 0, 'type': 'bytes', 'size': 2},"
                + "{'name': 'data', 'offset': 2, 'type': 'bytes'}]}");

        assertThat(layout.decode(bytes("dead" + "00beef"))).containsExactly(entry("key", "dead"), entry("data", "00beef"));
        assertThat(layout.decode(bytes("dead"))).containsEntry("data", "");
    }

    @Test
    void uuidsAreCanonicalText() throws Exception {
        ResponseLayout layout = response("{'max-size': 16, 'fields': [{'name': 'log', 'offset': 0, 'type': 'uuid'}]}");

        assertThat(layout.decode(bytes("0da9c0b5bf414b788f7996b1623b3f17")).get("log"))
                .isEqualTo("0da9c0b5-bf41-4b78-8f79-96b1623b3f17");
    }

    @Test
    void arraysCountByNumber() throws Exception {
        ResponseLayout layout = response("{'max-size': 8, 'fields': [{'name': 'pairs', 'offset': 2, 'type': 'array',"
                + " 'count': 2, 'stride': 3, 'fields': [{'name': 'id', 'offset': 0, 'type': 'u8'},"
                + " {'name': 'value', 'offset': 1, 'type': 'u16'}]}]}");

        assertThat(layout.decode(bytes("ffff" + "010a00" + "020b00")).get("pairs"))
                .isEqualTo(List.of(Map.of("id", 1L, "value", 10L), Map.of("id", 2L, "value", 11L)));
    }

    @Test
    void arraysCountByAnEarlierField() throws Exception {
        ResponseLayout layout = cel("'count': 'n'");

        Map<String, Object> values = layout.decode(bytes("0200" + "0044" + "6400" + "0241" + "0000" + "ffffffff"));

        assertThat(values.get("entries")).isEqualTo(List.of(
                Map.of("opcode", 0x4400L, "effects", List.of("data-change-immediate", "security-state-change", "background-operation")),
                Map.of("opcode", 0x4102L, "effects", List.of())));
    }

    @Test
    void remainingCountsTheWholeElementsThatFit() throws Exception {
        ResponseLayout layout = cel("'count': 'remaining'");

        Map<String, Object> values = layout.decode(bytes("0000" + "0044" + "6400" + "0241" + "0000" + "ffff"));

        assertThat((List<?>) values.get("entries")).hasSize(2);
        assertThat(layout.decode(bytes("0000")).get("entries")).isEqualTo(List.of());
    }

    @Test
    void nestedArraysReadInsideTheirElement() throws Exception {
        ResponseLayout layout = response("{'max-size': 64, 'fields': [{'name': 'ports', 'offset': 0, 'type': 'array',"
                + " 'count': 'remaining', 'stride': 4, 'fields': [{'name': 'id', 'offset': 0, 'type': 'u8'},"
                + " {'name': 'n', 'offset': 1, 'type': 'u8'}, {'name': 'lanes', 'offset': 2, 'type': 'array',"
                + " 'count': 'n', 'stride': 1, 'fields': [{'name': 'lane', 'offset': 0, 'type': 'u8'}]}]}]}");

        Object ports = layout.decode(bytes("0702" + "0506" + "0801" + "0900")).get("ports");

        assertThat(ports).isEqualTo(List.of(
                Map.of("id", 7L, "n", 2L, "lanes", List.of(Map.of("lane", 5L), Map.of("lane", 6L))),
                Map.of("id", 8L, "n", 1L, "lanes", List.of(Map.of("lane", 9L)))));
        assertThatThrownBy(() -> layout.decode(bytes("0703" + "0506")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("ports[0].lanes");
    }

    @Test
    void aShortPayloadNamesTheFieldAndOffset() {
        ResponseLayout layout = response("{'max-size': 16, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u32'},"
                + " {'name': 'total-capacity-bytes', 'offset': 4, 'type': 'u64'}]}");

        assertThatThrownBy(() -> layout.decode(bytes("01020304" + "0506")))
                .isInstanceOf(DecodeException.class)
                .hasMessage("field 'total-capacity-bytes' at offset 0x4 needs 8 bytes, but the data ends at 0x6");
    }

    @Test
    void aCountRunningPastTheEndIsADecodeException() {
        ResponseLayout layout = cel("'count': 'n'");

        assertThatThrownBy(() -> layout.decode(bytes("0300" + "0044" + "6400" + "0241" + "0000")))
                .isInstanceOf(DecodeException.class)
                .hasMessage("array 'entries' at offset 0x2: 3 elements of 4 bytes run past the end of the data"
                        + " (8 bytes left)");
    }

    @Test
    void anArrayStartingPastTheEndIsADecodeException() {
        ResponseLayout layout = response("{'max-size': 64, 'fields': [{'name': 'a', 'offset': 8, 'type': 'array',"
                + " 'count': 'remaining', 'stride': 1, 'fields': [{'name': 'b', 'offset': 0, 'type': 'u8'}]}]}");

        assertThatThrownBy(() -> layout.decode(bytes("0102"))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("'a'").hasMessageContaining("0x8");
    }

    @Test
    void aLongerPayloadIsAccepted() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u16'}]}");

        assertThat(layout.decode(bytes("01000000"))).containsExactly(entry("a", 1L));
    }

    @Test
    void aResponseWithoutFieldsDecodesToNothing() throws Exception {
        assertThat(response("{'max-size': 0, 'fields': []}").decode(new byte[0])).isEmpty();
    }

    @Test
    void aResponseForAJavaDecoderIsNotDecodedHere() {
        ResponseLayout layout = response("{'max-size': 128, 'decoder': 'acme-telemetry'}");

        assertThat(layout.javaDecoder()).contains("acme-telemetry");
        assertThat(layout.maxSize()).isEqualTo(128);
        assertThatThrownBy(() -> layout.decode(new byte[4])).isInstanceOf(DecodeException.class)
                .hasMessageContaining("acme-telemetry");
    }

    /** A CEL-like layout: a u16 count, then entries of {u16 opcode, u16 effect flags} from offset 2. */
    private static ResponseLayout cel(String count) {
        return response("{'max-size': 1024, 'fields': [{'name': 'n', 'offset': 0, 'type': 'u16'},"
                + " {'name': 'entries', 'offset': 2, 'type': 'array', " + count + ", 'stride': 4, 'fields': ["
                + " {'name': 'opcode', 'offset': 0, 'type': 'u16'}, {'name': 'effects', 'offset': 2, 'type': 'u16',"
                + " 'flags': {'2': 'data-change-immediate', '5': 'security-state-change', '6': 'background-operation'}}]}]}");
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
