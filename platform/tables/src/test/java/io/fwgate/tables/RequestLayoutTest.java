package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLayoutTest {
    private static final String LSA = "{'size': 8, 'fields': ["
            + "{'name': 'offset', 'offset': 0, 'type': 'u32', 'default': '0', 'description': 'where to start'},"
            + "{'name': 'length', 'offset': 4, 'type': 'u32', 'min': 1, 'max': 1024}]}";

    @Test
    void encodesEveryIntegerTypeLittleEndianAtItsOffset() throws Exception {
        RequestLayout layout = request("{'size': 30, 'fields': ["
                + "{'name': 'a', 'offset': 0, 'type': 'u8'}, {'name': 'b', 'offset': 1, 'type': 'u16'},"
                + "{'name': 'c', 'offset': 3, 'type': 'u32'}, {'name': 'd', 'offset': 7, 'type': 'u64'},"
                + "{'name': 'e', 'offset': 15, 'type': 's8'}, {'name': 'f', 'offset': 16, 'type': 's16'},"
                + "{'name': 'g', 'offset': 18, 'type': 's32'}, {'name': 'h', 'offset': 22, 'type': 's64'}]}");

        EncodedRequest encoded = layout.encode(Map.of("a", "0xab", "b", "0x1234", "c", "305419896",
                "d", "0xffffffffffffffff", "e", "-1", "f", "-2", "g", "-0x10", "h", "-9223372036854775808"));

        assertThat(hex(encoded.payload())).isEqualTo("ab" + "3412" + "78563412" + "ffffffffffffffff" + "ff" + "feff"
                + "f0ffffff" + "0000000000000080");
        assertThat(encoded.parameters()).isEmpty();
    }

    @Test
    void encodesBigEndianIntegers() throws Exception {
        RequestLayout layout = request("{'size': 6, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u16', 'endian': 'big'},"
                + "{'name': 'b', 'offset': 2, 'type': 'u32', 'endian': 'big'}]}");

        assertThat(hex(layout.encode(Map.of("a", "0x1234", "b", "0x01020304")).payload())).isEqualTo("123401020304");
    }

    @Test
    void bitFieldsShareTheirInteger() throws Exception {
        RequestLayout layout = request("{'size': 2, 'fields': ["
                + "{'name': 'mode', 'offset': 0, 'type': 'u16', 'shift': 0, 'width': 3, 'enum': {'fast': 1, 'full': 2}},"
                + "{'name': 'force', 'offset': 0, 'type': 'u16', 'shift': 3, 'width': 1},"
                + "{'name': 'level', 'offset': 0, 'type': 'u16', 'shift': 8, 'width': 8}]}");

        EncodedRequest encoded = layout.encode(Map.of("mode", "full", "force", "1", "level", "0x5a"));

        assertThat(hex(encoded.payload())).isEqualTo("0a5a");
    }

    @Test
    void bitFieldsOfBigEndianIntegersCountBitsFromTheLeastSignificant() throws Exception {
        RequestLayout layout = request("{'size': 2, 'fields': ["
                + "{'name': 'low', 'offset': 0, 'type': 'u16', 'endian': 'big', 'shift': 0, 'width': 4}]}");

        assertThat(hex(layout.encode(Map.of("low", "0xf")).payload())).isEqualTo("000f");
    }

    @Test
    void enumsTakeTheNameOrTheNumber() throws Exception {
        RequestLayout layout = request("{'size': 1, 'fields': [{'name': 'log', 'offset': 0, 'type': 'u8',"
                + " 'enum': {'informational': 0, 'warning': 1, 'failure': 2}}]}");

        assertThat(layout.encode(Map.of("log", "failure")).payload()).containsExactly(2);
        assertThat(layout.encode(Map.of("log", "1")).payload()).containsExactly(1);
    }

    @Test
    void defaultsFillArgumentsNotGivenAndConstantsAreAlwaysEncoded() throws Exception {
        RequestLayout layout = request("{'size': 4, 'fields': ["
                + "{'name': 'a', 'offset': 0, 'type': 'u16', 'default': '0x0102'},"
                + "{'name': 'b', 'offset': 2, 'type': 'u8', 'value': '0x7f'},"
                + "{'name': 'c', 'offset': 3, 'type': 'u8', 'default': 9}]}");

        assertThat(hex(layout.encode(Map.of()).payload())).isEqualTo("02017f09");
        assertThat(hex(layout.encode(Map.of("c", "1")).payload())).isEqualTo("02017f01");
    }

    @Test
    void parameterFieldsFillTheirWordsAndLeaveThePayloadAlone() throws Exception {
        RequestLayout layout = request("{'size': 0, 'fields': ["
                + "{'name': 'cns', 'param': 'cdw10', 'type': 'u32', 'shift': 0, 'width': 8, 'value': '0x01'},"
                + "{'name': 'cntid', 'param': 'cdw10', 'type': 'u32', 'shift': 16, 'width': 16, 'default': '0'},"
                + "{'name': 'nsid', 'param': 'nsid', 'type': 'u32', 'default': '0xffffffff'}]}");

        EncodedRequest encoded = layout.encode(Map.of("cntid", "5"));

        assertThat(encoded.payload()).isEmpty();
        assertThat(encoded.parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cdw10", 0x0005_0001L, "nsid", 0xffff_ffffL));
    }

    @Test
    void bytesStringsAndUuidsTakeTheirText() throws Exception {
        RequestLayout layout = request("{'size': 28, 'fields': ["
                + "{'name': 'key', 'offset': 0, 'type': 'bytes', 'size': 4},"
                + "{'name': 'tag', 'offset': 4, 'type': 'string', 'size': 8},"
                + "{'name': 'log', 'offset': 12, 'type': 'uuid'}]}");

        EncodedRequest encoded = layout.encode(Map.of("key", "de ad:BE ef", "tag", "abc",
                "log", "0da9c0b5-bf41-4b78-8f79-96b1623b3f17"));

        // the UUID in the byte order CXL payloads use: its canonical text, most significant byte first
        assertThat(hex(encoded.payload())).isEqualTo("deadbeef" + "6162630000000000" + "0da9c0b5bf414b788f7996b1623b3f17");
        assertThat(hex(layout.encode(Map.of("key", "0x01020304", "tag", "", "log",
                "00000000-0000-0000-0000-000000000001")).payload())).startsWith("01020304");
    }

    @Test
    void theVariableTrailingFieldMakesThePayloadLonger() throws Exception {
        RequestLayout layout = request("{'size': 8, 'max-size': 12, 'fields': ["
                + "{'name': 'offset', 'offset': 0, 'type': 'u32'},"
                + "{'name': 'data', 'offset': 8, 'type': 'bytes', 'default': ''}]}");

        assertThat(hex(layout.encode(Map.of("offset", "16", "data", "a1a2a3")).payload())).isEqualTo("10000000" + "00000000" + "a1a2a3");
        assertThat(layout.encode(Map.of("offset", "0")).payload()).hasSize(8);
        assertThatThrownBy(() -> layout.encode(Map.of("offset", "0", "data", "0102030405")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("argument 'data': 5 bytes given, at most 4 fit");
    }

    @Test
    void fieldsListsTheArgumentsButNotTheConstants() {
        RequestLayout layout = request("{'size': 3, 'fields': ["
                + "{'name': 'log', 'offset': 0, 'type': 'u8', 'enum': {'warning': 1, 'fatal': 3, 'failure': 2},"
                + " 'default': 'fatal', 'description': 'which log'},"
                + "{'name': 'fixed', 'offset': 1, 'type': 'u8', 'value': '3'},"
                + "{'name': 'count', 'offset': 2, 'type': 'u8'}]}");

        assertThat(layout.fields()).containsExactly(
                new FieldSpec("log", "u8", "which log", Optional.of("fatal"), List.of("warning", "fatal", "failure")),
                new FieldSpec("count", "u8", "", Optional.empty(), List.of()));
    }

    @Test
    void refusesUnknownArgumentsNamingTheValidOnes() {
        assertThatThrownBy(() -> request(LSA).encode(Map.of("length", "8", "lenght", "8")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unknown argument 'lenght' (valid: offset, length)");
        assertThatThrownBy(() -> request("{'size': 0}").encode(Map.of("x", "1")))
                .hasMessage("unknown argument 'x' (this command takes no arguments)");
    }

    @Test
    void refusesAConstantGivenAsAnArgument() {
        RequestLayout layout = request("{'size': 1, 'fields': [{'name': 'fixed', 'offset': 0, 'type': 'u8', 'value': '3'}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("fixed", "4"))).hasMessageStartingWith("unknown argument 'fixed'");
    }

    @Test
    void refusesAMissingRequiredArgument() {
        assertThatThrownBy(() -> request(LSA).encode(Map.of("offset", "0")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("missing required argument 'length'");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "u8 | 256 | argument 'a': 256 does not fit u8 (0 to 255)",
        "u8 | -1 | argument 'a': -1 does not fit u8 (0 to 255)",
        "s8 | -129 | argument 'a': -129 does not fit s8 (-128 to 127)",
        "s8 | 0x80 | argument 'a': 128 does not fit s8 (-128 to 127)",
        "u64 | 0x10000000000000000 | argument 'a': 18446744073709551616 does not fit u64 (0 to 18446744073709551615)",
        "u16 | twelve | argument 'a': 'twelve' is not a number",
        "u16 | 12.5 | argument 'a': '12.5' is not a number",
        "u16 | 0x | argument 'a': '0x' is not a number",
        "u16 | '' | argument 'a': '' is not a number" })
    void refusesMalformedAndOutOfRangeIntegers(String type, String text, String message) {
        RequestLayout layout = request("{'size': 8, 'fields': [{'name': 'a', 'offset': 0, 'type': '" + type + "'}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("a", text)))
                .isInstanceOf(InvalidArgumentException.class).hasMessage(message);
    }

    @Test
    void refusesValuesOutsideMinAndMax() {
        assertThatThrownBy(() -> request(LSA).encode(Map.of("length", "5000")))
                .hasMessage("argument 'length': 5000 is above the maximum 1024");
        assertThatThrownBy(() -> request(LSA).encode(Map.of("length", "0")))
                .hasMessage("argument 'length': 0 is below the minimum 1");
    }

    @Test
    void refusesValuesWiderThanTheBitField() {
        RequestLayout layout = request("{'size': 1, 'fields': [{'name': 'mode', 'offset': 0, 'type': 'u8', 'shift': 5, 'width': 3}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("mode", "8")))
                .hasMessage("argument 'mode': 8 does not fit 3 bits (0 to 7)");
    }

    @Test
    void refusesUnknownEnumNamesListingTheKnownOnes() {
        RequestLayout layout = request("{'size': 1, 'fields': [{'name': 'log', 'offset': 0, 'type': 'u8',"
                + " 'enum': {'informational': 0, 'warning': 1}}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("log", "fatal")))
                .hasMessage("argument 'log': 'fatal' is not one of informational, warning");
        assertThatThrownBy(() -> layout.encode(Map.of("log", "7")))
                .hasMessage("argument 'log': 7 is not one of informational (0), warning (1)");
    }

    @Test
    void refusesBytesOfTheWrongLengthOrNotHex() {
        RequestLayout layout = request("{'size': 4, 'fields': [{'name': 'key', 'offset': 0, 'type': 'bytes', 'size': 4}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("key", "010203")))
                .hasMessage("argument 'key': 3 bytes given, 4 expected");
        assertThatThrownBy(() -> layout.encode(Map.of("key", "0102030")))
                .hasMessage("argument 'key': '0102030' has an odd number of hex digits");
        assertThatThrownBy(() -> layout.encode(Map.of("key", "01zz0304")))
                .hasMessage("argument 'key': '01zz0304' is not hex bytes");
    }

    @Test
    void refusesStringsThatDoNotFitOrAreNotAscii() {
        RequestLayout layout = request("{'size': 4, 'fields': [{'name': 'tag', 'offset': 0, 'type': 'string', 'size': 4}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("tag", "abcde")))
                .hasMessage("argument 'tag': 'abcde' has 5 characters, more than the 4 that fit");
        assertThatThrownBy(() -> layout.encode(Map.of("tag", "é")))
                .hasMessage("argument 'tag': 'é' is not printable ASCII");
    }

    @Test
    void refusesMalformedUuids() {
        RequestLayout layout = request("{'size': 16, 'fields': [{'name': 'log', 'offset': 0, 'type': 'uuid'}]}");

        assertThatThrownBy(() -> layout.encode(Map.of("log", "0da9c0b5bf414b788f7996b1623b3f17")))
                .hasMessage("argument 'log': '0da9c0b5bf414b788f7996b1623b3f17' is not a UUID (8-4-4-4-12 hex digits)");
    }

    @Test
    void eachEncodingReturnsItsOwnBytes() throws Exception {
        RequestLayout layout = request(LSA);
        EncodedRequest first = layout.encode(Map.of("length", "1"));

        first.payload()[4] = 9;

        assertThat(layout.encode(Map.of("length", "1")).payload()[4]).isEqualTo((byte) 1);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
