package io.fwgate.emulator.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.cci.TunnelRoute;

/**
 * Builds the emulated fabric: the switch {@code switch0} and the two LDs of the MLD on its port 1,
 * {@code switch0/port1/ld0} and {@code switch0/port1/ld1}, reached through the switch's CCI by nested
 * tunnels (port 1, then the LD).
 */
public final class SwitchFabric {
    static final String SWITCH = "switch0";

    private SwitchFabric() {
    }

    /**
     * @param scheme the transport's scheme
     * @param nanos the devices' time source
     * @return the switch and its LDs, by address
     */
    public static Map<String, EmulatedDevice> devices(String scheme, LongSupplier nanos) {
        List<DeviceId> ldIds = List.of(ldId(scheme, 0), ldId(scheme, 1));
        MultiLogicalDevice mld = new MultiLogicalDevice(ldIds, nanos);
        CxlSwitch cxlSwitch = new CxlSwitch(new DeviceId(scheme, SWITCH), mld, nanos);
        Map<String, EmulatedDevice> devices = new HashMap<>();
        devices.put(SWITCH, cxlSwitch);
        for (CxlType3Device ld : mld.lds()) {
            DeviceId id = ld.info().id();
            TunnelRoute route = TunnelRoute.parse(id).orElseThrow();
            devices.put(id.address(), new TunneledDevice(ld.info(), route, cxlSwitch));
        }
        return devices;
    }

    private static DeviceId ldId(String scheme, int ld) {
        return new DeviceId(scheme, SWITCH + "/port" + SwitchTopology.MLD_PORT + "/ld" + ld);
    }
}
