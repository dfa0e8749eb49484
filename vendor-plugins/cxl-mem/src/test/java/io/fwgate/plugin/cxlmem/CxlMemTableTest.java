package io.fwgate.plugin.cxlmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.EffectMapping;

class CxlMemTableTest {
    @Test
    void theShippedTableParsesWithoutProblems() {
        assertThat(CxlMemTable.SHIPPED.result().problems()).isEmpty();
    }

    @Test
    void itHasTheSpecCommandsAtTheirOpcodes() {
        Map<String, Integer> opcodes = CxlMemTable.SHIPPED.table().commands().stream()
                .collect(Collectors.toMap(CommandSpec::name, CommandSpec::opcode));

        assertThat(opcodes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("identify-component", 0x0001), Map.entry("background-operation-status", 0x0002),
                Map.entry("get-event-records", 0x0100), Map.entry("clear-event-records", 0x0101),
                Map.entry("get-fw-info", 0x0200), Map.entry("get-timestamp", 0x0300),
                Map.entry("set-timestamp", 0x0301), Map.entry("get-supported-logs", 0x0400),
                Map.entry("get-log", 0x0401), Map.entry("get-supported-features", 0x0500),
                Map.entry("get-feature", 0x0501), Map.entry("set-feature", 0x0502),
                Map.entry("identify", 0x4000), Map.entry("get-lsa", 0x4102), Map.entry("set-lsa", 0x4103),
                Map.entry("get-health-info", 0x4200), Map.entry("sanitize", 0x4400),
                Map.entry("inject-poison", 0x4301), Map.entry("clear-poison", 0x4302)));
    }

    @Test
    void itMatchesCxlMemoryDevicesOfAnyVendor() {
        CommandTable table = CxlMemTable.SHIPPED.table();

        assertThat(table.match().matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x8086))).isTrue();
        assertThat(table.match().matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x1e98))).isTrue();
        assertThat(table.match().matches(device(DeviceKind.CXL_SWITCH, 0x8086))).isFalse();
    }

    @Test
    void everyDeclaredLevelIsWhatItsEffectsNeed() {
        for (CommandSpec command : CxlMemTable.SHIPPED.table().commands()) {
            assertThat(command.declaredLevel()).as(command.name()).isEqualTo(EffectMapping.levelOf(command.effects()));
        }
    }

    @Test
    void theEffectsAreTheOnesTheCelReportsForEachCommand() {
        Map<String, CommandSpec> commands = CxlMemTable.SHIPPED.table().commands().stream()
                .collect(Collectors.toMap(CommandSpec::name, Function.identity()));

        assertThat(commands.get("sanitize").effects()).isEqualTo(EnumSet.of(Effect.DATA_CHANGE_IMMEDIATE,
                Effect.SECURITY_STATE_CHANGE, Effect.BACKGROUND_OPERATION));
        assertThat(commands.get("sanitize").declaredLevel()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(commands.get("set-timestamp").effects()).containsExactly(Effect.POLICY_CHANGE_IMMEDIATE);
        assertThat(commands.get("set-timestamp").declaredLevel()).isEqualTo(Level.CONFIGURATION);
        assertThat(commands.get("clear-event-records").effects()).containsExactly(Effect.LOG_CHANGE_IMMEDIATE);
        assertThat(commands.get("set-lsa").effects())
                .isEqualTo(EnumSet.of(Effect.CONFIG_CHANGE_IMMEDIATE, Effect.DATA_CHANGE_IMMEDIATE));
        assertThat(commands.get("set-feature").effects()).isEqualTo(EnumSet.of(Effect.CONFIG_CHANGE_IMMEDIATE,
                Effect.DATA_CHANGE_IMMEDIATE, Effect.POLICY_CHANGE_IMMEDIATE, Effect.LOG_CHANGE_IMMEDIATE,
                Effect.SECURITY_STATE_CHANGE));
        for (String reader : new String[] { "identify-component", "background-operation-status",
                "get-event-records", "get-fw-info", "get-timestamp", "get-supported-logs", "get-log",
                "get-supported-features", "get-feature", "identify", "get-lsa", "get-health-info" }) {
            assertThat(commands.get(reader).effects()).as(reader).isEmpty();
            assertThat(commands.get(reader).declaredLevel()).as(reader).isEqualTo(Level.TELEMETRY);
        }
    }

    @Test
    void getLogSaysItDecodesTheCel() {
        assertThat(CxlMemTable.command("get-log").description()).contains("Command Effects Log");
    }

    private static DeviceInfo device(DeviceKind kind, int vendor) {
        return new DeviceInfo(DeviceId.parse("emu:mem0"), kind, vendor, 0x0d93, Optional.empty(), "");
    }
}
