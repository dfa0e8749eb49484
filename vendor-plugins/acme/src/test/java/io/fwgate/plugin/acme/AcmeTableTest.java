package io.fwgate.plugin.acme;

import static io.fwgate.plugin.acme.AcmeTables.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
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

class AcmeTableTest {
    private static final int ACME = 0xacec;

    @Test
    void bothShippedTablesParseWithoutProblems() {
        assertThat(AcmeTables.parse(AcmeTables.CXL).problems()).isEmpty();
        assertThat(AcmeTables.parse(AcmeTables.NVME).problems()).isEmpty();
    }

    @Test
    void theCommandsSitAtTheVendorOpcodes() {
        assertThat(opcodes(AcmeTables.cxl())).containsExactlyInAnyOrderEntriesOf(Map.of("acme-telemetry-dump", 0xc000,
                "acme-set-debug", 0xc001, "acme-clear-log", 0xc002, "acme-get-debug", 0xc003));
        assertThat(opcodes(AcmeTables.nvme())).containsExactlyInAnyOrderEntriesOf(Map.of("acme-nvme-telemetry", 0xc0,
                "acme-nvme-set-debug", 0xc1, "acme-nvme-clear-log", 0xc2));
    }

    @Test
    void eachTableMatchesOnlyAcmeDevicesOfItsKind() {
        assertThat(AcmeTables.cxl().match().matches(device("emu:acme-mem0", DeviceKind.CXL_MEMORY_DEVICE, ACME))).isTrue();
        assertThat(AcmeTables.cxl().match().matches(device("emu:mem0", DeviceKind.CXL_MEMORY_DEVICE, 0x8086))).isFalse();
        assertThat(AcmeTables.cxl().match().matches(device("emu:acme-nvme0", DeviceKind.NVME_CONTROLLER, ACME))).isFalse();
        assertThat(AcmeTables.nvme().match().matches(device("emu:acme-nvme0", DeviceKind.NVME_CONTROLLER, ACME))).isTrue();
        assertThat(AcmeTables.nvme().match().matches(device("emu:nvme0", DeviceKind.NVME_CONTROLLER, 0x1b36))).isFalse();
    }

    @Test
    void theDeclaredEffectsAndLevelsAreTheOnesTheVendorDocuments() {
        assertThat(command("acme-set-debug").effects()).containsExactly(Effect.CONFIG_CHANGE_IMMEDIATE);
        assertThat(command("acme-set-debug").declaredLevel()).isEqualTo(Level.DEBUG_WRITE);
        assertThat(command("acme-clear-log").effects()).containsExactly(Effect.LOG_CHANGE_IMMEDIATE);
        assertThat(command("acme-clear-log").declaredLevel()).isEqualTo(Level.CONFIGURATION);
        assertThat(command("acme-nvme-set-debug").effects()).containsExactly(Effect.CONTROLLER_CAPABILITY_CHANGE);
        assertThat(command("acme-nvme-set-debug").declaredLevel()).isEqualTo(Level.DEBUG_WRITE);
        assertThat(command("acme-nvme-clear-log").effects()).isEmpty();
        assertThat(command("acme-nvme-clear-log").declaredLevel()).isEqualTo(Level.CONFIGURATION);
        for (String reader : new String[] { "acme-telemetry-dump", "acme-get-debug", "acme-nvme-telemetry" }) {
            assertThat(command(reader).effects()).as(reader).isEmpty();
            assertThat(command(reader).declaredLevel()).as(reader).isEqualTo(Level.TELEMETRY);
        }
    }

    @Test
    void noDeclaredLevelIsBelowWhatItsEffectsNeed() {
        for (CommandTable table : new CommandTable[] { AcmeTables.cxl(), AcmeTables.nvme() }) {
            for (CommandSpec command : table.commands()) {
                assertThat(command.declaredLevel()).as(command.name())
                        .isGreaterThanOrEqualTo(EffectMapping.levelOf(command.effects()));
            }
        }
    }

    @Test
    void onlyTheTlvTelemetryNeedsJavaCode() {
        assertThat(command("acme-nvme-telemetry").response().javaDecoder()).contains("acme-tlv");
        assertThat(command("acme-nvme-telemetry").response().maxSize()).isEqualTo(256);
        AcmeTables.cxl().commands().forEach(c -> assertThat(c.response().javaDecoder()).as(c.name()).isEmpty());
        assertThat(command("acme-nvme-set-debug").response().javaDecoder()).isEmpty();
        assertThat(command("acme-nvme-clear-log").response().javaDecoder()).isEmpty();
    }

    private static Map<String, Integer> opcodes(CommandTable table) {
        return table.commands().stream().collect(Collectors.toMap(CommandSpec::name, CommandSpec::opcode));
    }

    private static DeviceInfo device(String id, DeviceKind kind, int vendor) {
        return new DeviceInfo(DeviceId.parse(id), kind, vendor, 1, Optional.empty(), "");
    }
}
