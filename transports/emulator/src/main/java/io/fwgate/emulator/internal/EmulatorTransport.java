package io.fwgate.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * The {@code emu} transport: emulated devices for development and tests. When the framework property
 * {@value #ENABLED_PROPERTY} is {@code true} it offers {@code emu:mem0}, an emulated CXL type 3 memory
 * device; otherwise it offers none. Devices are kept by address, so more kinds can join. Thread-safe.
 */
@Component(service = Transport.class)
public final class EmulatorTransport implements Transport {
    static final String ENABLED_PROPERTY = "fwgate.emulated";
    static final String SCHEME = "emu";

    private final Map<String, EmulatedDevice> devices;

    /**
     * @param context the bundle's context, to read {@value #ENABLED_PROPERTY}
     */
    @Activate
    public EmulatorTransport(BundleContext context) {
        this(Boolean.parseBoolean(context.getProperty(ENABLED_PROPERTY))
                ? standardDevices(System::nanoTime)
                : Map.of());
    }

    /**
     * @param devices the devices, by address
     */
    EmulatorTransport(Map<String, EmulatedDevice> devices) {
        this.devices = Map.copyOf(devices);
    }

    /**
     * @param nanos the devices' time source
     * @return the devices the transport offers when emulation is on, by address
     */
    static Map<String, EmulatedDevice> standardDevices(LongSupplier nanos) {
        return Map.of("mem0", new CxlType3Device(new DeviceId(SCHEME, "mem0"), nanos));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> all = new ArrayList<>();
        devices.values().forEach(device -> all.add(device.info()));
        all.sort(Comparator.comparing(info -> info.id().address()));
        return all;
    }

    /**
     * @throws DeviceGoneException if no emulated device has that address
     * @throws IllegalArgumentException if {@code device} is not an {@code emu} id, or the request does
     *         not suit the device
     */
    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws DeviceGoneException {
        if (!SCHEME.equals(device.transport())) {
            throw new IllegalArgumentException("device " + device + " is not an emulated (" + SCHEME + ":) device");
        }
        EmulatedDevice target = devices.get(device.address());
        if (target == null) {
            throw new DeviceGoneException("no emulated device " + device
                    + (devices.isEmpty() ? " (emulation is off: set " + ENABLED_PROPERTY + "=true)" : ""));
        }
        return target.send(request);
    }
}
