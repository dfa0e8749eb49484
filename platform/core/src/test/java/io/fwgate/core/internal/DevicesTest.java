package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

/** What the core knows of devices follows what discovery lists (F10). */
class DevicesTest {
    private static final DeviceInfo MEMORY = new DeviceInfo(FakeDevice.ID, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93,
            Optional.empty(), "memory");
    private static final DeviceInfo SWITCH = new DeviceInfo(FakeDevice.ID, DeviceKind.CXL_SWITCH, 0x8086, 0x0001,
            Optional.empty(), "switch");

    private final FakeDevice transport = new FakeDevice(0x4200, 0x0000).listing(MEMORY);
    private final Devices devices = new Devices(() -> List.of(transport));

    private long celReads() {
        return transport.sent.stream().filter(r -> r.opcode() == 0x0400).count();
    }

    @Test
    void aDeviceReplacedAtItsIdIsFoundAndReadAnewOnceDiscoveryListsTheOtherOne() {
        Devices.Reached first = devices.find(FakeDevice.ID).orElseThrow();
        devices.effectsOf(first);
        transport.listing(SWITCH);
        assertThat(devices.all()).containsExactly(SWITCH);
        Devices.Reached now = devices.find(FakeDevice.ID).orElseThrow();
        assertThat(now.info()).isEqualTo(SWITCH);
        devices.effectsOf(now);
        assertThat(celReads()).as("the switch's own CEL is read, not the memory device's reused").isEqualTo(2);
    }

    @Test
    void aDeviceDiscoveryNoLongerListsIsForgotten() {
        devices.effectsOf(devices.find(FakeDevice.ID).orElseThrow());
        transport.listing();
        assertThat(devices.all()).isEmpty();
        assertThat(devices.find(FakeDevice.ID)).isEmpty();
    }

    @Test
    void aDeviceStillListedKeepsWhatIsKnownOfIt() {
        devices.effectsOf(devices.find(FakeDevice.ID).orElseThrow());
        devices.all();
        devices.effectsOf(devices.find(FakeDevice.ID).orElseThrow());
        assertThat(celReads()).isEqualTo(1);
    }
}
