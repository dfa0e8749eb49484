package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.NO_REQUEST;
import static io.fwgate.tables.Fixtures.command;
import static io.fwgate.tables.Fixtures.parse;
import static io.fwgate.tables.Fixtures.q;
import static io.fwgate.tables.Fixtures.response;
import static io.fwgate.tables.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Response fields marked as metrics: what {@link ResponseLayout#metrics()} gives, and what is refused. */
class MetricFieldTest {
    private static final String RSP = "/commands/0/response/fields/0";

    @Test
    void listsTheMarkedTopLevelFieldsInTableOrderWithNameKindAndHelp() {
        ResponseLayout layout = response("{'max-size': 8, 'fields': ["
                + "{'name': 'life-used-percent', 'offset': 0, 'type': 'u8', 'metric': 'gauge',"
                + " 'description': 'Life used'},"
                + "{'name': 'status', 'offset': 1, 'type': 'u8'},"
                + "{'name': 'media-errors', 'offset': 4, 'type': 'u32', 'metric': 'counter',"
                + " 'metric-name': 'media_errors', 'metric-help': 'Media errors since manufacture'}]}");

        assertThat(layout.metrics()).containsExactly(
                new MetricField("life-used-percent", "life_used_percent", MetricField.Kind.GAUGE, "Life used"),
                new MetricField("media-errors", "media_errors", MetricField.Kind.COUNTER,
                        "Media errors since manufacture"));
    }

    @Test
    void theValueOfAMetricIsANumberInTheDecodedMapUnderItsFieldName() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': ["
                + "{'name': 'temperature-celsius', 'offset': 0, 'type': 'u16', 'bias': -273, 'metric': 'gauge'}]}");
        // 0x0172 = 370 kelvin, little-endian
        Map<String, Object> decoded = layout.decode(new byte[] { 0x72, 0x01 });

        MetricField metric = layout.metrics().get(0);
        assertThat(decoded.get(metric.field())).isEqualTo(97L);
        assertThat(metric.help()).isEmpty();
    }

    @Test
    void aBoolFieldMayBeAGaugeAndASpecialValueStaysAsItsText() throws Exception {
        ResponseLayout layout = response("{'max-size': 2, 'fields': ["
                + "{'name': 'degraded', 'offset': 0, 'type': 'u8', 'shift': 0, 'bool': true, 'metric': 'gauge'},"
                + "{'name': 'temperature', 'offset': 1, 'type': 'u8', 'special': {'0xff': 'not-implemented'},"
                + " 'metric': 'gauge'}]}");

        assertThat(layout.metrics()).extracting(MetricField::name).containsExactly("degraded", "temperature");
        assertThat(layout.decode(new byte[] { 1, (byte) 0xff }))
                .containsEntry("degraded", true).containsEntry("temperature", "not-implemented");
    }

    @Test
    void aResponseWithoutMarkedFieldsHasNoMetrics() {
        assertThat(response("{'max-size': 1, 'fields': [{'name': 'a', 'offset': 0, 'type': 'u8'}]}").metrics())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMarkings")
    void refusesAMarkingThatCannotBeAMetric(String what, String location, String field) {
        ParseResult result = parse(table(command(NO_REQUEST, "{'max-size': 16, 'fields': [" + field + "]}")));

        assertThat(result.table()).isEmpty();
        assertThat(result.problems()).extracting(Problem::kind, Problem::location)
                .contains(org.assertj.core.groups.Tuple.tuple(Problem.Kind.MALFORMED, location));
    }

    static Stream<Arguments> badMarkings() {
        return Stream.of(
                bad("an unknown kind", RSP + "/metric", "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'meter'}"),
                bad("a kind that is not a string", RSP + "/metric",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': true}"),
                bad("a string field", RSP + "/metric",
                        "{'name': 'a', 'offset': 0, 'type': 'string', 'size': 4, 'metric': 'gauge'}"),
                bad("an enum field", RSP + "/metric",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'enum': {'1': 'on'}, 'metric': 'gauge'}"),
                bad("a flags field", RSP + "/metric",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'flags': {'0': 'x'}, 'metric': 'gauge'}"),
                bad("a field inside an array", RSP + "/fields/0/metric",
                        "{'name': 'e', 'offset': 0, 'type': 'array', 'count': 2, 'stride': 1, 'fields': ["
                                + "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'gauge'}]}"),
                bad("an upper-case name", RSP + "/metric-name",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'gauge', 'metric-name': 'Temp'}"),
                bad("a kebab-case name", RSP + "/metric-name",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'gauge', 'metric-name': 'media-errors'}"),
                bad("a name ending in _total", RSP + "/metric-name",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'counter', 'metric-name': 'errors_total'}"),
                bad("a default name ending in _count", RSP + "/name",
                        "{'name': 'error-count', 'offset': 0, 'type': 'u8', 'metric': 'counter'}"),
                bad("a name without a metric", RSP + "/metric-name",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric-name': 'a'}"),
                bad("help without a metric", RSP + "/metric-help",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric-help': 'A'}"),
                bad("two fields that are one metric", "/commands/0/response/fields/1/metric",
                        "{'name': 'a', 'offset': 0, 'type': 'u8', 'metric': 'gauge', 'metric-name': 'x'},"
                                + " {'name': 'b', 'offset': 1, 'type': 'u8', 'metric': 'gauge', 'metric-name': 'x'}"));
    }

    private static Arguments bad(String what, String location, String field) {
        return Arguments.of(what, location, q(field));
    }
}
