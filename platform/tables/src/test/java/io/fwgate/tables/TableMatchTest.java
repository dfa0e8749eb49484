package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.parse;
import static io.fwgate.tables.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

class TableMatchTest {
    private static final Set<DeviceKind> SWITCH = Set.of(DeviceKind.CXL_SWITCH);

    @Test
    void aTableLimitedToTransportsMatchesOnlyTheirDevices() {
        TableMatch match = parse(q("{'format': 1, 'vendor': 'V', 'match': {'kinds': ['cxl-switch'],"
                + " 'transports': ['mctp-serial']}, 'commands': []}")).table().orElseThrow().match();

        assertThat(match.transports()).containsExactly("mctp-serial");
        assertThat(match.matches(device("mctp-serial:/dev/pts/3,8"))).isTrue();
        assertThat(match.matches(device("emu:switch0"))).isFalse();
        assertThat(match.matches(device("mctp:1,8"))).isFalse();
    }

    @Test
    void withoutTransportsEveryTransportMatches() {
        TableMatch match = new TableMatch(SWITCH, Set.of());

        assertThat(match.transports()).isEmpty();
        assertThat(match.matches(device("emu:switch0"))).isTrue();
        assertThat(match.matches(device("mctp-serial:/dev/ttyS1,9"))).isTrue();
    }

    @Test
    void tablesOverlapOnlyWhereOneDeviceCouldMatchBoth() {
        TableMatch any = new TableMatch(SWITCH, Set.of());
        TableMatch serial = new TableMatch(SWITCH, Set.of(), Set.of("mctp-serial"));
        TableMatch kernel = new TableMatch(SWITCH, Set.of(), Set.of("mctp"));
        TableMatch memory = new TableMatch(Set.of(DeviceKind.CXL_MEMORY_DEVICE), Set.of(), Set.of("mctp-serial"));
        TableMatch acme = new TableMatch(SWITCH, Set.of(0xacec));
        TableMatch intel = new TableMatch(SWITCH, Set.of(0x8086), Set.of("mctp-serial"));

        assertThat(any.overlaps(serial)).isTrue();
        assertThat(serial.overlaps(any)).isTrue();
        assertThat(serial.overlaps(kernel)).isFalse();
        assertThat(serial.overlaps(memory)).isFalse();
        assertThat(acme.overlaps(intel)).isFalse();
        assertThat(acme.overlaps(serial)).isTrue();
    }

    @Test
    void transportsThatAreNotSchemesAreRefusedWithTheirLocation() {
        for (Map.Entry<String, String> bad : Map.of("['MCTP']", "/match/transports/0", "['emu', 7]",
                "/match/transports/1", "['emu:']", "/match/transports/0", "'emu'", "/match/transports").entrySet()) {
            ParseResult result = parse(q("{'format': 1, 'vendor': 'V', 'match': {'kinds': ['cxl-switch'],"
                    + " 'transports': " + bad.getKey() + "}, 'commands': []}"));

            assertThat(result.table()).as(bad.getKey()).isEmpty();
            assertThat(result.problems()).as(bad.getKey()).extracting(Problem::location).contains(bad.getValue());
        }
    }

    @Test
    void theMctpTypeIsAConstantTransportParameter() throws Exception {
        ParseResult result = parse(q("{'format': 1, 'vendor': 'V', 'match': {'kinds': ['mctp-endpoint']},"
                + " 'commands': [{'name': 'get-eid', 'opcode': '0x0002', 'description': 'd', 'effects': [],"
                + " 'level': 'telemetry', 'request': {'size': 0, 'fields': [{'name': 'mctp-type', 'param': 'mctp-type',"
                + " 'type': 'u8', 'value': 0}]}, 'response': {'max-size': 0, 'fields': []}}]}"));

        assertThat(result.problems()).isEmpty();
        EncodedRequest request = result.table().orElseThrow().commands().get(0).request().encode(Map.of());
        assertThat(request.parameters()).containsExactly(Map.entry("mctp-type", 0L));
    }

    private static DeviceInfo device(String id) {
        return new DeviceInfo(DeviceId.parse(id), DeviceKind.CXL_SWITCH, 0x8086, 1, Optional.empty(), "");
    }
}
