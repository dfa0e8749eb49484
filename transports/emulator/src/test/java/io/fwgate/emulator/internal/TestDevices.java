package io.fwgate.emulator.internal;

import java.util.Map;
import java.util.function.LongSupplier;

/** The emulated switch and NVMe controller, for tests of sub-packages (the fabric's factory is package-private). */
public final class TestDevices {
    private TestDevices() {
    }

    /** @return the switch {@code switch0} with the LDs behind it, and {@code mem0} and {@code nvme0}, by address */
    public static Map<String, EmulatedDevice> all(LongSupplier nanos) {
        Map<String, EmulatedDevice> devices = new java.util.HashMap<>(EmulatorTransport.standardDevices(nanos));
        devices.putAll(SwitchFabric.devices("emu", nanos));
        return devices;
    }
}
