package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.RefusalReason;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.TableMatch;

class PluginRegistryTest {
    private static final DeviceInfo MEM0 = new DeviceInfo(new DeviceId("emu", "mem0"), DeviceKind.CXL_MEMORY_DEVICE,
            0x8086, 0x0d93, Optional.empty(), "");
    private static final DeviceInfo NVME0 = new DeviceInfo(new DeviceId("emu", "nvme0"), DeviceKind.NVME_CONTROLLER,
            0x1b36, 0x0010, Optional.empty(), "");

    private final PluginRegistry registry = new PluginRegistry(
            () -> new PluginCaps(java.util.Map.of("capped", new Grant(Level.CONFIGURATION, Reach.DEVICE)),
                    PluginCaps.DEFAULT_CAP));

    private static CommandSpec command(String name, int opcode, Level level, Effect... effects) {
        return new CommandSpec(name, opcode, "", Set.of(effects), level, null, null);
    }

    private static PluginRecord plugin(long id, String bsn, DeviceKind kind, CommandSpec... commands) {
        CommandTable table = new CommandTable(bsn + "!/t.json", "v", new TableMatch(Set.of(kind), Set.of()),
                List.of(commands));
        return new PluginRecord(id, bsn, "1.0.0", List.of("t.json"), List.of(table), Optional.empty(), "");
    }

    @Test
    void activePluginsContributeCommandsToTheDevicesTheyMatch() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("identify");
        assertThat(registry.commandsFor(NVME0)).isEmpty();
    }

    @Test
    void aSecondPluginClaimingTheSameOpcodeIsRefusedAndTheFirstKeepsRunning() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        PluginRecord second = registry.admit(plugin(11, "acme", DeviceKind.CXL_MEMORY_DEVICE,
                command("acme-identify", 0x4000, Level.TELEMETRY)));
        assertThat(second.refusal()).hasValue(RefusalReason.DUPLICATE_OPCODE);
        assertThat(second.detail()).contains("0x4000").contains("cxl");
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("identify");
        assertThat(registry.plugins()).extracting(p -> p.view(Optional.empty()).state()).containsExactly("ACTIVE", "REFUSED");
    }

    @Test
    void sameNameForAnotherKindOfDeviceIsNoClash() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("sanitize", 0x4400, Level.DEBUG_WRITE_FULL,
                Effect.DATA_CHANGE_IMMEDIATE)));
        PluginRecord nvme = registry.admit(plugin(11, "nvme", DeviceKind.NVME_CONTROLLER,
                command("sanitize", 0x84, Level.DEBUG_WRITE_FULL, Effect.LOGICAL_BLOCK_CONTENT_CHANGE)));
        assertThat(nvme.active()).isTrue();
    }

    @Test
    void tablesForDifferentTransportsMayDeclareTheSameOpcode() {
        CommandTable overSerial = new CommandTable("a!/t.json", "v", new TableMatch(Set.of(DeviceKind.CXL_SWITCH),
                Set.of(), Set.of("mctp-serial")), List.of(command("poll", 0x0401, Level.TELEMETRY)));
        CommandTable overKernel = new CommandTable("b!/t.json", "v", new TableMatch(Set.of(DeviceKind.CXL_SWITCH),
                Set.of(), Set.of("mctp")), List.of(command("poll-kernel", 0x0401, Level.TELEMETRY)));
        registry.admit(new PluginRecord(10, "a", "1.0.0", List.of("t.json"), List.of(overSerial), Optional.empty(), ""));
        PluginRecord second = registry.admit(
                new PluginRecord(11, "b", "1.0.0", List.of("t.json"), List.of(overKernel), Optional.empty(), ""));
        PluginRecord anyTransport = registry.admit(plugin(12, "c", DeviceKind.CXL_SWITCH,
                command("other", 0x0401, Level.TELEMETRY)));

        assertThat(second.active()).as("no device is reached over both transports").isTrue();
        assertThat(anyTransport.refusal()).hasValue(RefusalReason.DUPLICATE_OPCODE);
    }

    @Test
    void aDuplicateNameIsRefused() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        PluginRecord dup = registry.admit(plugin(11, "other", DeviceKind.CXL_MEMORY_DEVICE,
                command("identify", 0xc000, Level.TELEMETRY)));
        assertThat(dup.refusal()).hasValue(RefusalReason.DUPLICATE_NAME);
    }

    @Test
    void aCommandAboveThePluginsCapRefusesThePlugin() {
        PluginRecord capped = registry.admit(plugin(12, "capped", DeviceKind.CXL_MEMORY_DEVICE,
                command("read", 0xc000, Level.TELEMETRY), command("wipe", 0xc001, Level.TELEMETRY,
                        Effect.DATA_CHANGE_IMMEDIATE)));
        assertThat(capped.refusal()).hasValue(RefusalReason.LEVEL_ABOVE_CAP);
        assertThat(capped.detail()).contains("'wipe'").contains("debug-write-full").contains("configuration");
        assertThat(registry.commandsFor(MEM0)).isEmpty();
    }

    @Test
    void aCapWithDeviceReachRefusesFabricCommands() {
        PluginRecord fm = registry.admit(plugin(13, "capped", DeviceKind.CXL_SWITCH,
                command("unbind-vppb", 0x5202, Level.CONFIGURATION, Effect.AFFECTS_OTHER_HOSTS)));
        assertThat(fm.refusal()).hasValue(RefusalReason.LEVEL_ABOVE_CAP);
        PluginRecord uncapped = registry.admit(plugin(14, "fm", DeviceKind.CXL_SWITCH,
                command("bind-vppb", 0x5201, Level.CONFIGURATION, Effect.AFFECTS_OTHER_HOSTS)));
        assertThat(uncapped.active()).isTrue();
    }

    @Test
    void removingAPluginRemovesItsCommandsAndAnUpdateReplacesThemWhole() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify-v2", 0x4000, Level.TELEMETRY)));
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("identify-v2");
        registry.remove(10);
        assertThat(registry.commandsFor(MEM0)).isEmpty();
        assertThat(registry.plugins()).isEmpty();
    }

    @Test
    void theCommandsFoundForADeviceFollowEveryAdmissionAndRemoval() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("identify");
        registry.admit(plugin(11, "more", DeviceKind.CXL_MEMORY_DEVICE, command("health", 0x4200, Level.TELEMETRY)));
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("identify", "health");
        assertThat(registry.commandsOf(MEM0).named("health").plugin().bundleId()).isEqualTo(11);
        registry.remove(10);
        assertThat(registry.commandsFor(MEM0)).extracting(b -> b.spec().name()).containsExactly("health");
        assertThat(registry.commandsOf(MEM0).named("identify")).as("a removed plugin's command by name").isNull();
    }

    @Test
    void devicesMatchingTheSameTablesShareOneListOfCommands() {
        registry.admit(plugin(10, "cxl", DeviceKind.CXL_MEMORY_DEVICE, command("identify", 0x4000, Level.TELEMETRY)));
        DeviceInfo mem1 = new DeviceInfo(new DeviceId("emu", "mem1"), DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93,
                Optional.empty(), "");
        assertThat(registry.commandsFor(mem1)).isSameAs(registry.commandsFor(MEM0));
    }
}
