package io.fwgate.plugin.cxlswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.EffectMapping;

class CxlSwitchTableTest {
    private static final Set<String> FABRIC = Set.of("bind-vppb", "unbind-vppb", "set-ld-allocations");

    @Test
    void theShippedTableParsesWithoutProblems() {
        assertThat(CxlSwitchTable.SHIPPED.result().problems()).isEmpty();
    }

    @Test
    void itHasTheFmApiCommandsAtTheirOpcodes() {
        Map<String, Integer> opcodes = CxlSwitchTable.SHIPPED.table().commands().stream()
                .collect(Collectors.toMap(CommandSpec::name, CommandSpec::opcode));

        assertThat(opcodes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("identify-component", 0x0001), Map.entry("identify-switch-device", 0x5100),
                Map.entry("get-physical-port-state", 0x5101), Map.entry("get-virtual-switch-info", 0x5200),
                Map.entry("bind-vppb", 0x5201), Map.entry("unbind-vppb", 0x5202),
                Map.entry("tunnel-management", 0x5300), Map.entry("get-ld-info", 0x5400),
                Map.entry("get-ld-allocations", 0x5401), Map.entry("set-ld-allocations", 0x5402)));
    }

    @Test
    void itMatchesCxlSwitchesOnly() {
        assertThat(CxlSwitchTable.SHIPPED.table().match().matches(device(DeviceKind.CXL_SWITCH))).isTrue();
        assertThat(CxlSwitchTable.SHIPPED.table().match().matches(device(DeviceKind.CXL_MEMORY_DEVICE))).isFalse();
    }

    @Test
    void bindingAndAllocationCommandsReachOtherHostsAndNothingElseDoes() {
        for (CommandSpec command : CxlSwitchTable.SHIPPED.table().commands()) {
            Reach expected = FABRIC.contains(command.name()) ? Reach.FABRIC : Reach.DEVICE;
            assertThat(EffectMapping.reachOf(command.effects())).as(command.name()).isEqualTo(expected);
        }
        assertThat(CxlSwitchTable.command("unbind-vppb").effects())
                .containsExactlyInAnyOrder(Effect.CONFIG_CHANGE_IMMEDIATE, Effect.AFFECTS_OTHER_HOSTS);
    }

    @Test
    void levelsAreWhatTheEffectsNeedExceptTheTunnelsFallback() {
        for (CommandSpec command : CxlSwitchTable.SHIPPED.table().commands()) {
            Level expected = command.name().equals("tunnel-management") ? Level.DEBUG_WRITE_FULL
                    : EffectMapping.levelOf(command.effects());
            assertThat(command.declaredLevel()).as(command.name()).isEqualTo(expected);
        }
    }

    private static DeviceInfo device(DeviceKind kind) {
        return new DeviceInfo(DeviceId.parse("emu:switch0"), kind, 0x8086, 0x0d92, Optional.empty(), "");
    }
}
