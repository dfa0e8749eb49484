package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;

/** Fields that read a value the transport returns beside the payload (NVMe completion dword 0, "result"). */
class TransportValueTest {
    @Test
    void aResultFieldReadsTheTransportValueNotThePayload() throws Exception {
        ResponseLayout layout = response("{'max-size': 0, 'fields': [{'name': 'value', 'source': 'result', 'type': 'u32'}]}");

        assertThat(layout.decode(new byte[0], Map.of("result", 0xdead_beefL))).containsExactly(entry("value", 0xdead_beefL));
    }

    @Test
    void bitFieldsEnumsFlagsScaleAndBiasApplyToTheTransportValue() throws Exception {
        // Number of Queues style: bits 15:0 and 31:16; temperature threshold style: Kelvin to Celsius
        ResponseLayout layout = response("{'max-size': 0, 'fields': ["
                + "{'name': 'low', 'source': 'result', 'type': 'u32', 'shift': 0, 'width': 16},"
                + "{'name': 'high', 'source': 'result', 'type': 'u32', 'shift': 16, 'width': 16, 'bias': 1},"
                + "{'name': 'mode', 'source': 'result', 'type': 'u32', 'shift': 0, 'width': 2, 'enum': {'3': 'three'}},"
                + "{'name': 'bits', 'source': 'result', 'type': 'u32', 'shift': 0, 'width': 4, 'flags': {'0': 'a', '1': 'b'}},"
                + "{'name': 'celsius', 'source': 'result', 'type': 'u32', 'shift': 0, 'width': 16, 'bias': -273},"
                + "{'name': 'scaled', 'source': 'result', 'type': 'u8', 'scale': 512}]}");

        Map<String, Object> values = layout.decode(new byte[0], Map.of("result", 0x0007_0163L));

        assertThat(values).containsExactly(entry("low", 0x0163L), entry("high", 8L), entry("mode", "three"),
                entry("bits", List.of("a", "b")), entry("celsius", 0x0163L - 273), entry("scaled", 0x63L * 512));
    }

    @Test
    void theTypeSaysHowManyLowBitsOfTheValueAreRead() throws Exception {
        ResponseLayout layout = response("{'max-size': 0, 'fields': ["
                + "{'name': 'u', 'source': 'result', 'type': 'u16'}, {'name': 's', 'source': 'result', 'type': 's8'}]}");

        assertThat(layout.decode(new byte[0], Map.of("result", 0x1234_fffeL))).containsExactly(entry("u", 0xfffeL),
                entry("s", -2L));
    }

    @Test
    void payloadAndResultFieldsDecodeSideBySide() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': [{'name': 'data', 'offset': 0, 'type': 'u16'},"
                + " {'name': 'value', 'source': 'result', 'type': 'u32'}, {'name': 'same', 'source': 'payload', 'offset': 0, 'type': 'u8'}]}");

        assertThat(layout.decode(new byte[] { 0x34, 0x12 }, Map.of("result", 7L))).containsExactly(
                entry("data", 0x1234L), entry("value", 7L), entry("same", 0x34L));
    }

    @Test
    void aMissingTransportValueIsADecodeExceptionNamingIt() {
        ResponseLayout layout = response("{'max-size': 0, 'fields': [{'name': 'value', 'source': 'result', 'type': 'u32'}]}");

        assertThatThrownBy(() -> layout.decode(new byte[0], Map.of("vendor-status", 1L)))
                .isInstanceOf(DecodeException.class)
                .hasMessage("field 'value' reads the transport value 'result', which the response does not carry");
        assertThatThrownBy(() -> layout.decode(new byte[0])).isInstanceOf(DecodeException.class)
                .hasMessageContaining("'result'");
    }

    @Test
    void theOldDecodeIsTheNewOneWithoutTransportValues() throws Exception {
        ResponseLayout layout = response("{'max-size': 1, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u8'}]}");

        assertThat(layout.decode(new byte[] { 5 })).isEqualTo(layout.decode(new byte[] { 5 }, Map.of()));
        assertThat(layout.decode(new byte[] { 5 }, Map.of("result", 9L))).containsExactly(entry("a", 5L));
    }

    @Test
    void anArrayCountMayComeFromTheTransportValue() throws Exception {
        ResponseLayout layout = response("{'max-size': 8, 'fields': [{'name': 'n', 'source': 'result', 'type': 'u8'},"
                + " {'name': 'items', 'offset': 0, 'type': 'array', 'count': 'n', 'stride': 2, 'fields': ["
                + "  {'name': 'v', 'offset': 0, 'type': 'u16'}]}]}");

        assertThat(layout.decode(new byte[] { 1, 0, 2, 0, 3, 0 }, Map.of("result", 2L)).get("items"))
                .isEqualTo(List.of(Map.of("v", 1L), Map.of("v", 2L)));
        assertThatThrownBy(() -> layout.decode(new byte[] { 1, 0 }, Map.of("result", 0xffL)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("items");
    }

    @Test
    void anIndexShowsEachElementsPositionFirst() throws Exception {
        ResponseLayout layout = response("{'max-size': 12, 'fields': [{'name': 'entries', 'offset': 0, 'type': 'array',"
                + " 'count': 'remaining', 'stride': 4, 'index': 'opcode', 'fields': ["
                + "  {'name': 'effects', 'offset': 0, 'type': 'u32', 'flags': {'0': 'supported'}}]}]}");

        Object entries = layout.decode(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 }).get("entries");

        assertThat(entries).isEqualTo(List.of(Map.of("opcode", 0L, "effects", List.of("supported")),
                Map.of("opcode", 1L, "effects", List.of()), Map.of("opcode", 2L, "effects", List.of("supported"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) entries).get(0);
        assertThat(first.keySet()).containsExactly("opcode", "effects");
    }
}
