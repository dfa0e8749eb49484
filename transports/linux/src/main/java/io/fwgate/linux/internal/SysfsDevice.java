package io.fwgate.linux.internal;

import java.nio.file.Path;
import java.util.Objects;

import io.fwgate.api.DeviceInfo;

/**
 * A device found in sysfs: what the platform sees, where its character device is, and its sysfs
 * directory for attributes read at send time. Immutable.
 *
 * @param info the device as the platform lists it
 * @param node its character device, e.g. {@code /dev/cxl/mem0}
 * @param directory its sysfs directory, e.g. {@code /sys/bus/cxl/devices/mem0}
 */
record SysfsDevice(DeviceInfo info, String node, Path directory) {
    /**
     * @throws NullPointerException if a reference is null
     */
    SysfsDevice {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(directory, "directory");
    }
}
