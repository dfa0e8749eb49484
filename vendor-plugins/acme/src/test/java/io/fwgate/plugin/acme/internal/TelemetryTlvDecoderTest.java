package io.fwgate.plugin.acme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;
import io.fwgate.tables.TableParser;

/** Streams of {u8 type, u8 length, value} records written byte by byte as Acme documents them. */
class TelemetryTlvDecoderTest {
    private final TelemetryTlvDecoder decoder = new TelemetryTlvDecoder();

    @Test
    void decodesEveryRecordTypeInOrder() throws Exception {
        // temperature 38 C; wear 3 %; note "ACME 2.1"; counters 1000, 42, 7 (u32 LE); terminator; padding
        String stream = "01 02 2600" + "02 01 03" + "03 08 41434d4520322e31" + "04 0c e8030000 2a000000 07000000"
                + "00" + "00".repeat(200);

        assertThat(decode(stream)).isEqualTo(Map.of("records", List.of(
                Map.of("type", "temperature", "temperature-celsius", 38L),
                Map.of("type", "wear", "wear-percent", 3L),
                Map.of("type", "firmware-note", "note", "ACME 2.1"),
                Map.of("type", "counters", "counters", List.of(1000L, 42L, 7L)))));
    }

    @Test
    void temperaturesAreSignedAndCountersUnsigned() throws Exception {
        assertThat(decode("01 02 f6ff 04 04 ffffffff 00")).isEqualTo(Map.of("records", List.of(
                Map.of("type", "temperature", "temperature-celsius", -10L),
                Map.of("type", "counters", "counters", List.of(0xffff_ffffL)))));
    }

    @Test
    void theTerminatorEndsTheStreamWhateverFollows() throws Exception {
        assertThat(decode("02 01 50 00 01 ff")).isEqualTo(Map.of("records",
                List.of(Map.of("type", "wear", "wear-percent", 80L))));
        assertThat(decode("00")).isEqualTo(Map.of("records", List.of()));
    }

    @Test
    void anUnknownTypeIsShownWithItsBytes() throws Exception {
        assertThat(decode("07 03 aabbcc 00")).isEqualTo(Map.of("records",
                List.of(Map.of("type", "unknown (0x7)", "value", "aabbcc"))));
    }

    @Test
    void aNoteIsTrimmedOfPaddingAndShowsUnprintableBytesAsQuestionMarks() throws Exception {
        assertThat(decode("03 06 41 0a 42 00 00 00 00")).isEqualTo(Map.of("records",
                List.of(Map.of("type", "firmware-note", "note", "A?B"))));
    }

    @Test
    void anEmptyNoteAndNoCountersAreFine() throws Exception {
        assertThat(decode("03 00 04 00 00")).isEqualTo(Map.of("records", List.of(
                Map.of("type", "firmware-note", "note", ""), Map.of("type", "counters", "counters", List.of()))));
    }

    @Test
    void aTruncatedValueIsRefused() {
        assertThatThrownBy(() -> decode("01 02 26")).isInstanceOf(DecodeException.class)
                .hasMessage("the record of type 1 at offset 0x0 declares 2 bytes, but only 1 remain");
    }

    @Test
    void aLengthPastTheEndIsRefused() {
        assertThatThrownBy(() -> decode("02 01 03 03 ff 41 42 00")).isInstanceOf(DecodeException.class)
                .hasMessage("the record of type 3 at offset 0x3 declares 255 bytes, but only 3 remain");
    }

    @Test
    void aTypeWithoutALengthIsRefused() {
        assertThatThrownBy(() -> decode("02 01 03 01")).isInstanceOf(DecodeException.class)
                .hasMessage("the record of type 1 at offset 0x3 has no length byte");
    }

    @Test
    void aStreamWithoutATerminatorIsRefused() {
        assertThatThrownBy(() -> decode("02 01 03")).isInstanceOf(DecodeException.class)
                .hasMessage("the telemetry ends at offset 0x3 without a type 0 terminator");
        assertThatThrownBy(() -> decode("")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("without a type 0 terminator");
    }

    @Test
    void zeroLengthOrWrongSizeValuesOfFixedSizeTypesAreRefused() {
        assertThatThrownBy(() -> decode("01 00 00")).isInstanceOf(DecodeException.class)
                .hasMessage("the temperature record at offset 0x0 has 0 bytes, expected 2");
        assertThatThrownBy(() -> decode("02 00 00")).isInstanceOf(DecodeException.class)
                .hasMessage("the wear record at offset 0x0 has 0 bytes, expected 1");
        assertThatThrownBy(() -> decode("01 03 000000 00")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("expected 2");
        assertThatThrownBy(() -> decode("04 06 010000000200 00")).isInstanceOf(DecodeException.class)
                .hasMessage("the counters record at offset 0x0 has 6 bytes, not a whole number of 4-byte counters");
    }

    @Test
    void readsFromTheBuffersPositionAndLeavesTheBufferAsItWas() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(HexFormat.of().parseHex("ffff" + "020105" + "00")).position(2)
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(decoder.decode(buffer)).isEqualTo(Map.of("records", List.of(Map.of("type", "wear", "wear-percent", 5L))));
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    void theAcmeNvmeTableNamesThisDecoder() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/fwgate/acme-nvme.json")) {
            assertThat(in).isNotNull();
            var table = TableParser.parse("acme-nvme.json", in.readAllBytes()).table().orElseThrow();
            assertThat(table.commands()).filteredOn(c -> c.response().javaDecoder().isPresent())
                    .singleElement().satisfies(c -> assertThat(c.response().javaDecoder()).contains(TelemetryTlvDecoder.NAME));
        }
    }

    private Map<String, Object> decode(String hex) throws DecodeException {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        return decoder.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }
}
