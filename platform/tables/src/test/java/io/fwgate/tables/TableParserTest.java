package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.NO_REQUEST;
import static io.fwgate.tables.Fixtures.NO_RESPONSE;
import static io.fwgate.tables.Fixtures.command;
import static io.fwgate.tables.Fixtures.parse;
import static io.fwgate.tables.Fixtures.q;
import static io.fwgate.tables.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;

class TableParserTest {
    @Test
    void readsTheTableAndItsCommandsInOrder() {
        String json = q("{'format': 1, 'vendor': 'Acme', 'match': {'kinds': ['cxl-memory-device', 'cxl-switch'],"
                + " 'pci-vendor-ids': ['0x1e98', 32902]}, 'commands': ["
                + "{'name': 'wipe', 'opcode': '0x4400', 'description': 'Erase', 'level': 'debug-write-full',"
                + " 'effects': ['data-change-immediate', 'background-operation'], 'response': {'max-size': 0, 'fields': []}},"
                + "{'name': 'peek', 'opcode': 49153, 'description': 'Read', 'effects': [], 'level': 'telemetry',"
                + " 'request': {'size': 0, 'fields': []}, 'response': {'max-size': 4, 'decoder': 'acme-peek'}}]}");

        ParseResult result = TableParser.parse("acme.bundle!/OSGI-INF/fwgate/acme.json", json.getBytes());

        assertThat(result.problems()).isEmpty();
        CommandTable table = result.table().orElseThrow();
        assertThat(table.source()).isEqualTo("acme.bundle!/OSGI-INF/fwgate/acme.json");
        assertThat(table.vendor()).isEqualTo("Acme");
        assertThat(table.match().kinds()).containsExactlyInAnyOrder(DeviceKind.CXL_MEMORY_DEVICE, DeviceKind.CXL_SWITCH);
        assertThat(table.match().pciVendorIds()).containsExactlyInAnyOrder(0x1e98, 0x8086);
        assertThat(table.commands()).extracting(CommandSpec::name).containsExactly("wipe", "peek");
        CommandSpec wipe = table.commands().get(0);
        assertThat(wipe.opcode()).isEqualTo(0x4400);
        assertThat(wipe.description()).isEqualTo("Erase");
        assertThat(wipe.effects()).containsExactlyInAnyOrder(Effect.DATA_CHANGE_IMMEDIATE, Effect.BACKGROUND_OPERATION);
        assertThat(wipe.declaredLevel()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(wipe.request().fields()).isEmpty();
        assertThat(wipe.response().javaDecoder()).isEmpty();
        CommandSpec peek = table.commands().get(1);
        assertThat(peek.opcode()).isEqualTo(0xc001);
        assertThat(peek.response().javaDecoder()).contains("acme-peek");
        assertThat(peek.response().maxSize()).isEqualTo(4);
    }

    @Test
    void theMatchSelectsDevicesByKindAndVendor() {
        String json = q("{'format': 1, 'vendor': 'Acme', 'match': {'kinds': ['cxl-memory-device'],"
                + " 'pci-vendor-ids': ['0x1e98']}, 'commands': []}");
        TableMatch match = parse(json).table().orElseThrow().match();

        assertThat(match.matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x1e98))).isTrue();
        assertThat(match.matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x8086))).isFalse();
        assertThat(match.matches(device(DeviceKind.NVME_CONTROLLER, 0x1e98))).isFalse();
    }

    @Test
    void aTableWithoutVendorIdsMatchesAnyVendor() {
        TableMatch match = parse(table()).table().orElseThrow().match();

        assertThat(match.pciVendorIds()).isEmpty();
        assertThat(match.matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x8086))).isTrue();
    }

    @Test
    void nvmeTablesTakeAdminOpcodes() {
        String json = q("{'format': 1, 'vendor': 'Acme', 'match': {'kinds': ['nvme-controller']}, 'commands': ["
                + command("vendor-log", "0xc2", NO_REQUEST, NO_RESPONSE) + "]}");

        assertThat(parse(json).table().orElseThrow().commands().get(0).opcode()).isEqualTo(0xc2);
    }

    @Test
    void aDeclaredLevelBelowTheEffectsIsLeftToTheGateAndLint() {
        String json = table("{'name': 'wipe', 'opcode': '0x4400', 'description': 'Erase', 'level': 'telemetry',"
                + " 'effects': ['data-change-immediate'], 'response': " + NO_RESPONSE + "}");

        ParseResult result = parse(json);

        assertThat(result.problems()).isEmpty();
        assertThat(result.table().orElseThrow().commands().get(0).effects())
                .isEqualTo(Set.of(Effect.DATA_CHANGE_IMMEDIATE));
    }

    @Test
    void aTableWithProblemsHasNoTable() {
        ParseResult result = parse("{");

        assertThat(result.table()).isEmpty();
        assertThat(result.problems()).isNotEmpty();
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String json = table(command("Bad_Name", "0x4000", NO_REQUEST, NO_RESPONSE),
                command("ok", "0x10000", NO_REQUEST, NO_RESPONSE));

        assertThat(parse(json).problems()).extracting(Problem::location)
                .containsExactly("/commands/0/name", "/commands/1/opcode");
    }

    private static DeviceInfo device(DeviceKind kind, int vendor) {
        return new DeviceInfo(DeviceId.parse("emu:mem0"), kind, vendor, 1, Optional.empty(), "");
    }
}
