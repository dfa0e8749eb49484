package io.fwgate.emulator.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

class EmulatedFabricTest {
    /** A CXL profile device with one vendor command that reads a state variable back. */
    private static final String PROFILE = """
            { "format": 1, "devices": [ {
                "address": "test-mem0", "base": "cxl-memory-device",
                "identity": { "pci-vendor-id": "0xACEC", "pci-device-id": "0x0001", "serial": "T-1",
                              "description": "test device" },
                "state": { "level": 7 },
                "opcodes": [ { "opcode": "0xC000", "name": "test-get-level", "effects": [], "input-length": 0,
                               "response": { "size": 4, "fields": [ { "offset": 0, "type": "u32", "state": "level" } ] } } ]
            } ] }
            """;

    @Test
    void offersTheStandardDevicesAndTheProfilesDevices() throws Exception {
        Transport fabric = EmulatedFabric.create(List.of(bytes(PROFILE)));

        assertThat(fabric.scheme()).isEqualTo("emu");
        assertThat(fabric.devices()).extracting(d -> d.id().toString())
                .containsExactly("emu:mem0", "emu:nvme0", "emu:test-mem0");
        DeviceInfo added = fabric.devices().get(2);
        assertThat(added.kind()).isEqualTo(DeviceKind.CXL_MEMORY_DEVICE);
        assertThat(added.pciVendorId()).isEqualTo(0xACEC);
    }

    @Test
    void profileDevicesAnswerTheirVendorCommands() throws Exception {
        Transport fabric = EmulatedFabric.create(List.of(bytes(PROFILE)));

        DeviceResponse answer = fabric.send(DeviceId.parse("emu:test-mem0"),
                new DeviceRequest(0xC000, new byte[0], Map.of(), 4));

        assertThat(answer.status()).isZero();
        assertThat(answer.payload()).containsExactly(7, 0, 0, 0);
    }

    @Test
    void theStandardCxlDeviceAnswersIdentify() throws Exception {
        Transport fabric = EmulatedFabric.create(List.of());

        DeviceResponse identify = fabric.send(DeviceId.parse("emu:mem0"),
                new DeviceRequest(0x0001, new byte[0], Map.of(), 64));

        // CXL Identify output: PCIe vendor id at offset 0, little-endian; the emulated device is 8086h
        assertThat(identify.status()).isZero();
        assertThat(identify.payload()[0] & 0xff).isEqualTo(0x86);
        assertThat(identify.payload()[1] & 0xff).isEqualTo(0x80);
    }

    @Test
    void theSwitchReachesItsLdsByTunnel() throws Exception {
        Transport fabric = EmulatedFabric.createSwitch();

        assertThat(fabric.devices()).extracting(d -> d.id().toString()).containsExactlyInAnyOrder("emu:switch0",
                "emu:switch0/port1/ld0", "emu:switch0/port1/ld1");
        // Identify Switch Device (5100h): byte 2 is the number of physical ports
        DeviceResponse identify = fabric.send(DeviceId.parse("emu:switch0"),
                new DeviceRequest(0x5100, new byte[0], Map.of(), 0x49));
        assertThat(identify.status()).isZero();
        assertThat(identify.payload()[2]).isPositive();
        // Identify Memory Device (4000h) through the tunnel: the whole 45h-byte output (CXL 3.x 8.2.9.9.1.1)
        DeviceResponse ld = fabric.send(DeviceId.parse("emu:switch0/port1/ld1"),
                new DeviceRequest(0x4000, new byte[0], Map.of(), 0x45));
        assertThat(ld.status()).isZero();
        assertThat(ld.payload()).hasSize(0x45);
    }

    @Test
    void profilesOnlyLeavesTheStandardDevicesOut() throws Exception {
        Transport fabric = EmulatedFabric.createProfilesOnly(List.of(bytes(PROFILE)));

        assertThat(fabric.devices()).extracting(d -> d.id().address()).containsExactly("test-mem0");
    }

    @Test
    void anInvalidProfileIsRefusedWithItsPositionAndPlace() {
        String bad = PROFILE.replace("\"effects\": []", "\"effects\": [\"fast\"]");

        assertThatThrownBy(() -> EmulatedFabric.create(List.of(bytes(PROFILE), bytes(bad))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile 1: ")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> EmulatedFabric.check(bytes("{ \"format\": 2, \"devices\": [] }")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format");
    }

    @Test
    void aProfileCannotTakeAStandardAddress() {
        String taken = PROFILE.replace("test-mem0", "mem0");

        assertThatThrownBy(() -> EmulatedFabric.create(List.of(bytes(taken))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emu:mem0")
                .hasMessageContaining("already in use");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
