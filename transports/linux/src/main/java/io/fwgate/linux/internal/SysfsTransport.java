package io.fwgate.linux.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * A transport whose devices the kernel lists in sysfs. Every {@link #devices()} and {@link #send} reads
 * sysfs afresh: a device that appeared is picked up by the next call, one that disappeared answers
 * {@link DeviceGoneException}, and so does, once, another device the kernel now names as one that was
 * listed (unplugged and replaced between two listings): the caller judged the request by what it was
 * told the device is, so nothing is sent until it lists again. Thread-safe if the subclass is.
 */
abstract class SysfsTransport implements Transport {
    private final String scheme;
    private final LinuxSettings settings;
    private final Sysfs sysfs;
    private final SysfsDiscovery discovery;
    /** What {@link #devices()} last told the caller each device is. */
    private final Map<DeviceId, DeviceInfo> listed = new ConcurrentHashMap<>();

    /**
     * @param scheme the transport's scheme
     * @param settings the configuration
     */
    SysfsTransport(String scheme, LinuxSettings settings) {
        this.scheme = scheme;
        this.settings = settings;
        this.sysfs = new Sysfs(settings.sysfs());
        this.discovery = new SysfsDiscovery(sysfs);
    }

    /**
     * @param discovery reads sysfs
     * @return this transport's devices now
     */
    abstract List<SysfsDevice> scan(SysfsDiscovery discovery);

    /**
     * @param device a device sysfs lists now
     * @param request the request
     * @return the device's answer
     * @throws IOException as {@link Transport#send}
     */
    abstract DeviceResponse send(SysfsDevice device, DeviceRequest request) throws IOException;

    /** @return sysfs, for attributes read at send time */
    final Sysfs sysfs() {
        return sysfs;
    }

    @Override
    public final String scheme() {
        return scheme;
    }

    @Override
    public final List<DeviceInfo> devices() {
        List<DeviceInfo> devices = settings.enabled() ? scan(discovery).stream().map(SysfsDevice::info).toList()
                : List.of();
        listed.keySet().retainAll(devices.stream().map(DeviceInfo::id).collect(Collectors.toSet()));
        devices.forEach(device -> listed.put(device.id(), device));
        return devices;
    }

    /**
     * @throws IllegalArgumentException if {@code id} is not of this transport's scheme
     * @throws DeviceGoneException if sysfs does not list the device (any more), or the transports are off
     */
    @Override
    public final DeviceResponse send(DeviceId id, DeviceRequest request) throws IOException {
        if (!scheme.equals(id.transport())) {
            throw new IllegalArgumentException("device " + id + " is not a " + scheme + ": device");
        }
        if (!settings.enabled()) {
            throw new DeviceGoneException(id + ": the Linux transports are off (" + LinuxSettings.ENABLED + "=false)");
        }
        for (SysfsDevice device : scan(discovery)) {
            if (device.info().id().equals(id)) {
                DeviceInfo before = listed.put(id, device.info());
                if (before != null && !sameDevice(before, device.info())) {
                    throw new DeviceGoneException(id + " was replaced since it was listed (it was " + identity(before)
                            + ", it is " + identity(device.info()) + "); nothing was sent: list the devices again");
                }
                return send(device, request);
            }
        }
        throw new DeviceGoneException(id + " is gone: " + settings.sysfs() + " no longer lists it");
    }

    private static boolean sameDevice(DeviceInfo a, DeviceInfo b) {
        return a.kind() == b.kind() && a.pciVendorId() == b.pciVendorId() && a.pciDeviceId() == b.pciDeviceId()
                && a.serial().equals(b.serial());
    }

    private static String identity(DeviceInfo device) {
        return String.format("%s %04x:%04x serial %s", device.kind().id(), device.pciVendorId(), device.pciDeviceId(),
                device.serial().orElse("-"));
    }
}
