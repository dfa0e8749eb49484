package io.fwgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiTypesTest {
    @Test
    void deviceIdsParseAndPrintInTransportColonAddressForm() {
        assertThat(DeviceId.parse("emu:mem0")).isEqualTo(new DeviceId("emu", "mem0"));
        assertThat(DeviceId.parse("mctp:1,8").address()).isEqualTo("1,8");
        assertThat(DeviceId.parse("emu:switch0/port1/ld0")).hasToString("emu:switch0/port1/ld0");
        assertThatThrownBy(() -> DeviceId.parse("mem0")).hasMessageContaining("<transport>:<address>");
        assertThatThrownBy(() -> DeviceId.parse("emu:")).hasMessageContaining("bad device address");
        assertThatThrownBy(() -> DeviceId.parse("EMU:mem0")).hasMessageContaining("bad transport");
        assertThatThrownBy(() -> DeviceId.parse("emu:mem 0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsAreOrderedAndNamedInKebabCase() {
        assertThat(Level.parse("debug-write-full")).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(Level.TELEMETRY.max(Level.CONFIGURATION)).isEqualTo(Level.CONFIGURATION);
        assertThat(Level.DEBUG_WRITE.compareTo(Level.CONFIGURATION)).isPositive();
        assertThatThrownBy(() -> Level.parse("root")).hasMessageContaining("unknown level 'root'");
        assertThat(Reach.parse("fabric")).isEqualTo(Reach.FABRIC);
    }

    @Test
    void cxlEffectWordsDecodeBitByBitAsTheCelDefinesThem() {
        // 0x0064 = bits 2, 5, 6: data change, security state change, background operation (Sanitize)
        assertThat(Effect.fromBits(Effect.Family.CXL, 0x0064)).containsExactlyInAnyOrder(
                Effect.DATA_CHANGE_IMMEDIATE, Effect.SECURITY_STATE_CHANGE, Effect.BACKGROUND_OPERATION);
        // bits 0 and 10, 11: configuration change after cold, conventional and CXL reset
        assertThat(Effect.fromBits(Effect.Family.CXL, 0x0c01)).containsExactlyInAnyOrder(
                Effect.CONFIG_CHANGE_COLD_RESET, Effect.CONFIG_CHANGE_CONVENTIONAL_RESET, Effect.CONFIG_CHANGE_CXL_RESET);
        // reserved bits 15:12 are ignored
        assertThat(Effect.fromBits(Effect.Family.CXL, 0xf000)).isEmpty();
    }

    @Test
    void nvmeEffectWordsDecodeCsuppLbccNccNicCcc() {
        assertThat(Effect.fromBits(Effect.Family.NVME, 0b11111)).isEqualTo(Set.of(Effect.COMMAND_SUPPORTED,
                Effect.LOGICAL_BLOCK_CONTENT_CHANGE, Effect.NAMESPACE_CAPABILITY_CHANGE,
                Effect.NAMESPACE_INVENTORY_CHANGE, Effect.CONTROLLER_CAPABILITY_CHANGE));
        assertThat(Effect.parse("affects-other-hosts").family()).isEqualTo(Effect.Family.FWGATE);
    }

    @Test
    void deviceKindsUseKebabCaseIds() {
        assertThat(DeviceKind.parse("cxl-memory-device")).isEqualTo(DeviceKind.CXL_MEMORY_DEVICE);
        assertThat(DeviceKind.NVME_CONTROLLER.id()).isEqualTo("nvme-controller");
    }
}
