package io.fwgate.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.emulator.internal.mctp.EmulatedMctp;

/**
 * The {@code emu} transport: emulated devices for development and tests. When the framework property
 * {@value #ENABLED_PROPERTY} is {@code true} it offers {@code emu:mem0}, an emulated CXL type 3 memory
 * device, {@code emu:nvme0}, an emulated NVMe controller, the CXL switch {@code emu:switch0} with the
 * LDs {@code emu:switch0/port1/ld0} and {@code ld1} behind it ({@link SwitchFabric}), plus the devices
 * that started bundles declare in emulation profiles ({@link ProfileExtender}); otherwise it offers none.
 * With emulation on it also runs an MCTP endpoint on a pseudo-terminal ({@link EmulatedMctp}) that the
 * {@code mctp-serial} transport lists.
 * Devices are kept by address. Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class EmulatorTransport implements Transport {
    static final String ENABLED_PROPERTY = "fwgate.emulated";
    static final String SCHEME = "emu";

    private final ConcurrentMap<String, EmulatedDevice> devices = new ConcurrentHashMap<>();
    /** The device each address held when {@link #devices()} last listed it. */
    private final ConcurrentMap<String, EmulatedDevice> listed = new ConcurrentHashMap<>();
    private final Optional<BundleTracker<List<ProfileExtender.Added>>> profiles;
    private final Optional<EmulatedMctp> mctp;

    /**
     * @param context the bundle's context, to read {@value #ENABLED_PROPERTY} and track profile bundles
     */
    @Activate
    public EmulatorTransport(BundleContext context) {
        boolean enabled = Boolean.parseBoolean(context.getProperty(ENABLED_PROPERTY));
        if (enabled) {
            devices.putAll(standardDevices(System::nanoTime));
            devices.putAll(SwitchFabric.devices(SCHEME, System::nanoTime));
            ProfileExtender extender = new ProfileExtender(this, System::nanoTime, System.err::println);
            profiles = Optional.of(new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, extender));
            mctp = EmulatedMctp.start(context, devices.get(SwitchFabric.SWITCH), devices.get("nvme0"),
                    System.err::println);
        } else {
            profiles = Optional.empty();
            mctp = Optional.empty();
        }
        profiles.ifPresent(BundleTracker::open);
    }

    /**
     * @param devices the devices, by address
     */
    public EmulatorTransport(Map<String, EmulatedDevice> devices) {
        this.devices.putAll(devices);
        this.profiles = Optional.empty();
        this.mctp = Optional.empty();
    }

    @Deactivate
    void deactivate() {
        profiles.ifPresent(BundleTracker::close);
        mctp.ifPresent(EmulatedMctp::close);
    }

    /**
     * @param nanos the devices' time source
     * @return the devices the transport offers when emulation is on, by address
     */
    public static Map<String, EmulatedDevice> standardDevices(LongSupplier nanos) {
        return Map.of(
                "mem0", new CxlType3Device(new DeviceId(SCHEME, "mem0"), nanos),
                "nvme0", new NvmeController(new DeviceId(SCHEME, "nvme0"), nanos));
    }

    /** @return true if the device was added, false if its address is taken */
    boolean add(String address, EmulatedDevice device) {
        return devices.putIfAbsent(address, device) == null;
    }

    /** Removes the device at {@code address} if it is still {@code device}. */
    void remove(String address, EmulatedDevice device) {
        devices.remove(address, device);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> all = new ArrayList<>();
        listed.keySet().retainAll(devices.keySet());
        devices.forEach((address, device) -> {
            listed.put(address, device);
            all.add(device.info());
        });
        all.sort(Comparator.comparing(info -> info.id().address()));
        return all;
    }

    /**
     * @throws DeviceGoneException if no emulated device has that address
     * @throws IllegalArgumentException if {@code device} is not an {@code emu} id, or the request does
     *         not suit the device
     * @throws IOException if a device behind the switch was not reached through its tunnel
     */
    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        if (!SCHEME.equals(device.transport())) {
            throw new IllegalArgumentException("device " + device + " is not an emulated (" + SCHEME + ":) device");
        }
        EmulatedDevice target = devices.get(device.address());
        if (target == null) {
            boolean off = profiles.isEmpty() && devices.isEmpty();
            throw new DeviceGoneException("no emulated device " + device
                    + (off ? " (emulation is off: set " + ENABLED_PROPERTY + "=true)" : ""));
        }
        EmulatedDevice before = listed.put(device.address(), target);
        if (before != null && before != target) {
            // as a kernel transport does: the caller judged this request by the device it was told of
            throw new DeviceGoneException(device + " was replaced since it was listed; nothing was sent: list the "
                    + "devices again");
        }
        try {
            return target.send(request);
        } catch (UncheckedIOException e) {
            // a TunneledDevice's delivery failure, carried through the EmulatedDevice interface
            throw e.getCause();
        }
    }
}
