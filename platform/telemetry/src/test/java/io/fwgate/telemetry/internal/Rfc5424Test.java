package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Messages checked against RFC 5424's ABNF by hand: header fields, SD-ELEMENT syntax and escaping. */
class Rfc5424Test {
    private static final Rfc5424.Header HEADER = new Rfc5424.Header(10, "host1", "fwgate", "4242", "fwgate@32473");

    @Test
    void writesHeaderStructuredDataAndTheLineAsTheMessage() throws Exception {
        String line = "{\"seq\":7,\"time\":\"2026-11-24T08:00:01.123456789Z\",\"prev\":\"ab12\","
                + "\"caller\":{\"uid\":1000,\"gid\":1000,\"groups\":[4,24]},\"device\":\"emu:mem0\","
                + "\"command\":\"get-health-info\",\"arguments\":{},\"decision\":\"refused\","
                + "\"reason\":\"needs \\\"configuration\\\" [x]\\\\y\"}";

        String message = format(line);

        // PRI 84 = authpriv (10) * 8 + warning (4); six digits of fraction at most; ']', '"' and '\' escaped
        assertThat(message).isEqualTo("<84>1 2026-11-24T08:00:01.123456Z host1 fwgate 4242 call-decision "
                + "[meta sequenceId=\"7\"][fwgate@32473 seq=\"7\" time=\"2026-11-24T08:00:01.123456789Z\" prev=\"ab12\""
                + " caller.uid=\"1000\" caller.gid=\"1000\" caller.groups=\"4,24\" device=\"emu:mem0\""
                + " command=\"get-health-info\" decision=\"refused\" reason=\"needs \\\"configuration\\\" [x\\]\\\\y\"] "
                + line);
    }

    @Test
    void theMessageIdAndSeverityFollowTheRecord() throws Exception {
        assertThat(format("{\"seq\":1,\"decision\":\"allowed\"}")).startsWith("<85>1 - host1 fwgate 4242 call-decision ");
        assertThat(format("{\"seq\":2,\"result\":\"success\"}")).startsWith("<85>1 - host1 fwgate 4242 call-result ");
        assertThat(format("{\"seq\":3,\"result\":\"device-error\"}")).startsWith("<84>1 - host1 fwgate 4242 call-result ");
        assertThat(format("{\"seq\":4,\"result\":\"delivery-failed\"}")).startsWith("<83>1 ");
        assertThat(format("{\"seq\":5,\"event\":\"plugin-refused\"}")).startsWith("<84>1 - host1 fwgate 4242 plugin-refused ");
        assertThat(format("{\"seq\":6,\"event\":\"plugin-installed\"}")).startsWith("<85>1 - host1 fwgate 4242 plugin-installed ");
    }

    @Test
    void aSequenceNumberBeyondTheMetaRangeIsLeftOutOfMeta() throws Exception {
        assertThat(format("{\"seq\":2147483648}")).contains(" - [fwgate@32473 seq=\"2147483648\"] ")
                .doesNotContain("sequenceId");
    }

    @Test
    void parameterNamesAreCutTo32PrintableCharacters() throws Exception {
        assertThat(format("{\"a name with spaces=and more that is far too long\":1}"))
                .contains("[fwgate@32473 a_name_with_spaces_and_more_that=\"1\"]");
    }

    @Test
    void aHostnameThatIsNotPrintableAsciiBecomesTheNilValue() {
        assertThat(new Rfc5424.Header(10, "host name", "fwgate", "1", "fwgate@32473").hostname()).isEqualTo("-");
    }

    private static String format(String line) throws Exception {
        Map<String, Object> record = new ObjectMapper().readValue(line, new TypeReference<Map<String, Object>>() {
        });
        return new String(Rfc5424.format(HEADER, record, line), StandardCharsets.UTF_8);
    }
}
