package io.fwgate.plugin.nvme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
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
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.EffectMapping;

class NvmeTableTest {
    private static final List<String> READERS = List.of("identify-controller", "identify-namespace",
            "active-namespaces", "smart-log", "effects-log", "error-log", "fw-log", "sanitize-log", "get-feature");

    @Test
    void theShippedTableParsesWithoutProblems() {
        assertThat(NvmeTable.SHIPPED.result().problems()).isEmpty();
    }

    @Test
    void itHasTheAdminCommandsAtTheirOpcodes() {
        Map<String, Integer> opcodes = NvmeTable.SHIPPED.table().commands().stream()
                .collect(Collectors.toMap(CommandSpec::name, CommandSpec::opcode));

        assertThat(opcodes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("identify-controller", 0x06), Map.entry("identify-namespace", 0x06),
                Map.entry("active-namespaces", 0x06), Map.entry("smart-log", 0x02), Map.entry("effects-log", 0x02),
                Map.entry("error-log", 0x02), Map.entry("fw-log", 0x02), Map.entry("sanitize-log", 0x02),
                Map.entry("get-feature", 0x0a), Map.entry("set-feature", 0x09), Map.entry("format-nvm", 0x80),
                Map.entry("sanitize", 0x84), Map.entry("fw-download", 0x11), Map.entry("fw-commit", 0x10)));
    }

    @Test
    void commandsSharingAnOpcodeAreToldApartByTheirConstantDwords() {
        List<CommandSpec> commands = NvmeTable.SHIPPED.table().commands();

        for (CommandSpec a : commands) {
            for (CommandSpec b : commands) {
                if (a != b && a.opcode() == b.opcode()) {
                    assertThat(a.request().distinguishedFrom(b.request())).as(a.name() + " vs " + b.name()).isTrue();
                }
            }
        }
    }

    @Test
    void itMatchesNvmeControllersOfAnyVendor() {
        CommandTable table = NvmeTable.SHIPPED.table();

        assertThat(table.match().matches(device(DeviceKind.NVME_CONTROLLER, 0x1b36))).isTrue();
        assertThat(table.match().matches(device(DeviceKind.NVME_CONTROLLER, 0xacec))).isTrue();
        assertThat(table.match().matches(device(DeviceKind.CXL_MEMORY_DEVICE, 0x1b36))).isFalse();
    }

    @Test
    void readersChangeNothing() {
        for (String reader : READERS) {
            assertThat(NvmeTable.command(reader).effects()).as(reader).isEmpty();
            assertThat(NvmeTable.command(reader).declaredLevel()).as(reader).isEqualTo(Level.TELEMETRY);
        }
    }

    @Test
    void theWritersDeclareTheEffectsTheSpecGivesThem() {
        assertThat(effects("format-nvm")).isEqualTo(
                EnumSet.of(Effect.LOGICAL_BLOCK_CONTENT_CHANGE, Effect.NAMESPACE_CAPABILITY_CHANGE));
        assertThat(effects("sanitize")).containsExactly(Effect.LOGICAL_BLOCK_CONTENT_CHANGE);
        assertThat(effects("set-feature")).containsExactly(Effect.CONTROLLER_CAPABILITY_CHANGE);
        assertThat(effects("fw-commit")).containsExactly(Effect.CONTROLLER_CAPABILITY_CHANGE);
        assertThat(effects("fw-download")).isEmpty();
        assertThat(level("format-nvm")).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(level("sanitize")).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(level("set-feature")).isEqualTo(Level.CONFIGURATION);
        assertThat(level("fw-commit")).isEqualTo(Level.CONFIGURATION);
    }

    @Test
    void everyDeclaredLevelIsWhatItsEffectsNeedExceptTheImageDownload() {
        for (CommandSpec command : NvmeTable.SHIPPED.table().commands()) {
            Level needed = EffectMapping.levelOf(command.effects());
            if (command.name().equals("fw-download")) {
                // staging an image changes the controller's state, yet no effects-log bit describes it
                assertThat(command.declaredLevel()).isEqualTo(Level.CONFIGURATION);
                assertThat(needed).isEqualTo(Level.TELEMETRY);
            } else {
                assertThat(command.declaredLevel()).as(command.name()).isEqualTo(needed);
            }
        }
    }

    @Test
    void noCommandReachesBeyondTheDevice() {
        for (CommandSpec command : NvmeTable.SHIPPED.table().commands()) {
            assertThat(command.effects()).as(command.name()).doesNotContain(Effect.AFFECTS_OTHER_HOSTS);
        }
    }

    private static Set<Effect> effects(String name) {
        return NvmeTable.command(name).effects();
    }

    private static Level level(String name) {
        return NvmeTable.command(name).declaredLevel();
    }

    private static DeviceInfo device(DeviceKind kind, int vendor) {
        return new DeviceInfo(DeviceId.parse("emu:nvme0"), kind, vendor, 0x0010, Optional.empty(), "");
    }
}
