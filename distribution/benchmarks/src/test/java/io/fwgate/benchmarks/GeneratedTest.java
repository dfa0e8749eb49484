package io.fwgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

class GeneratedTest {

    @Test
    void theProfileGivesTheEmulatorThatManyCxlMemoryDevices() throws Exception {
        List<DeviceInfo> devices = EmulatedFabric.createProfilesOnly(List.of(Generated.cxlDevices(3))).devices();

        assertThat(devices).extracting(d -> d.id().toString())
                .containsExactly("emu:bench-mem0000", "emu:bench-mem0001", "emu:bench-mem0002");
        assertThat(devices).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DeviceKind.CXL_MEMORY_DEVICE);
            assertThat(d.pciVendorId()).isEqualTo(0x8086);
        });
    }

    @Test
    void everyGeneratedTableParsesWithItsOwnVendorOpcode() {
        List<CommandSpec> commands = IntStream.range(0, Generated.MAX_PLUGINS)
                .mapToObj(i -> parse(Generated.table(i)).commands().get(0)).toList();

        assertThat(commands.get(0).opcode()).isEqualTo(0xe000);
        assertThat(commands.get(99).name()).isEqualTo("bench-counters-099");
        assertThat(commands).extracting(CommandSpec::opcode).doesNotHaveDuplicates()
                .allSatisfy(opcode -> assertThat(opcode).isBetween(0xc000, 0xffff));
        assertThat(parse(Generated.reloadTable()).commands().get(0).opcode()).isEqualTo(0xe0ff)
                .isNotIn(commands.stream().map(CommandSpec::opcode).toList());
    }

    @Test
    void aPluginNumberBeyondTheOpcodeRangeIsRefused() {
        assertThatThrownBy(() -> Generated.table(Generated.MAX_PLUGINS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
    }

    private static io.fwgate.tables.CommandTable parse(String json) {
        ParseResult result = TableParser.parse("generated", json.getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        return result.table().orElseThrow();
    }
}
