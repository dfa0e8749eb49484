package io.fwgate.plugin.acme;

import static io.fwgate.plugin.acme.AcmeTables.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fwgate.api.DecodeException;
import io.fwgate.kit.Payload;

/**
 * Answers built by hand at the offsets Acme documents for its layout commands: telemetry dump = u8 version,
 * u8 sensor count, u16 reserved, then 12-byte records {u16 id, u8 kind, u8 sample count, 4 x s16}.
 */
class AcmeDecodeTest {
    @Test
    void telemetryDumpNestsEachSensorsValidSamples() throws Exception {
        byte[] payload = new Payload(4 + 3 * 12).u8(0, 1).u8(1, 3)
                .u16(4, 0x0100).u8(6, 0).u8(7, 4).u16(8, 38).u16(10, 39).u16(12, 41).u16(14, 40)
                .u16(16, 0x0200).u8(18, 1).u8(19, 2).u16(20, 1200).u16(22, 1198).u16(24, 0x7777).u16(26, 0x7777)
                .u16(28, 0x1000).u8(30, 2).u8(31, 0).bytes();

        Map<String, Object> values = command("acme-telemetry-dump").response().decode(payload);

        assertThat(values).containsEntry("version", 1L).containsEntry("sensor-count", 3L);
        assertThat(values.get("sensors")).isEqualTo(List.of(
                sensor(0x0100, "temperature", 4, 38, 39, 41, 40),
                sensor(0x0200, "voltage", 2, 1200, 1198),
                sensor(0x1000, "current", 0)));
    }

    @Test
    void telemetryDumpSamplesAreSigned() throws Exception {
        byte[] payload = new Payload(16).u8(0, 1).u8(1, 1).u16(4, 7).u8(6, 2).u8(7, 1).u16(8, -40).bytes();

        assertThat(command("acme-telemetry-dump").response().decode(payload).get("sensors"))
                .isEqualTo(List.of(sensor(7, "current", 1, -40)));
    }

    @Test
    void telemetryDumpShowsAnUnknownKindByItsNumber() throws Exception {
        byte[] payload = new Payload(16).u8(0, 1).u8(1, 1).u16(4, 9).u8(6, 7).bytes();

        assertThat(command("acme-telemetry-dump").response().decode(payload).get("sensors"))
                .isEqualTo(List.of(sensor(9, "unknown (0x7)", 0)));
    }

    @Test
    void aSampleCountAbove4RunsPastItsRecordAndIsRefused() {
        byte[] payload = new Payload(28).u8(0, 1).u8(1, 2).u8(7, 5).bytes();

        assertThatThrownBy(() -> command("acme-telemetry-dump").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("sensors[0].samples");
    }

    @Test
    void moreSensorsThanTheAnswerHoldsAreRefused() {
        byte[] payload = new Payload(16).u8(0, 1).u8(1, 2).bytes();

        assertThatThrownBy(() -> command("acme-telemetry-dump").response().decode(payload))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'sensors'");
    }

    @Test
    void getDebug() throws Exception {
        byte[] payload = new Payload(4).u8(0, 2).u8(1, 12).bytes();

        assertThat(command("acme-get-debug").response().decode(payload)).containsExactly(entry("debug-level", 2L),
                entry("log-entries", 12L));
    }

    @Test
    void nvmeSetDebugShowsTheLevelTheControllerEchoes() throws Exception {
        assertThat(command("acme-nvme-set-debug").response().decode(new byte[0], Map.of("result", 3L)))
                .containsExactly(entry("debug-level", 3L));
    }

    @ParameterizedTest
    @ValueSource(strings = { "acme-set-debug", "acme-clear-log", "acme-nvme-clear-log" })
    void commandsThatAnswerNothingDecodeToNothing(String name) throws Exception {
        assertThat(command(name).response().maxSize()).isZero();
        assertThat(command(name).response().decode(new byte[0], Map.of("result", 0L))).isEmpty();
    }

    @Test
    void theTlvTelemetryIsNotDecodedByTheTable() {
        assertThatThrownBy(() -> command("acme-nvme-telemetry").response().decode(new byte[] { 0 }))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'acme-tlv'");
    }

    private static Map<String, Object> sensor(int id, String kind, int count, int... samples) {
        List<Map<String, Object>> values = Arrays.stream(samples)
                .mapToObj(s -> Map.<String, Object>of("value", (long) s)).toList();
        return Map.of("sensor-id", (long) id, "kind", kind, "sample-count", (long) count, "samples", values);
    }
}
