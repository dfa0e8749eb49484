package io.fwgate.linux.internal;

import java.io.IOException;
import java.util.List;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * A transport whose devices the kernel lists in sysfs. Every {@link #devices()} and {@link #send} reads
 * sysfs afresh: a device that appeared is picked up by the next call, one that disappeared answers
 * {@link DeviceGoneException}. Thread-safe if the subclass is.
 */
abstract class SysfsTransport implements Transport {
    private final String scheme;
    private final LinuxSettings settings;
    private final Sysfs sysfs;
    private final SysfsDiscovery discovery;

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
        return settings.enabled() ? scan(discovery).stream().map(SysfsDevice::info).toList() : List.of();
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
                return send(device, request);
            }
        }
        throw new DeviceGoneException(id + " is gone: " + settings.sysfs() + " no longer lists it");
    }
}
