package io.fwgate.linux.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

/**
 * Finds the devices the kernel's drivers registered: CXL memory devices in {@code bus/cxl/devices},
 * NVMe controllers in {@code class/nvme}, fwctl devices in {@code class/fwctl}, with the PCI ids and
 * serials sysfs shows for them. Every call reads sysfs afresh, so a device that appeared since is listed
 * and one that went is not. Thread-safe.
 */
final class SysfsDiscovery {
    private static final Pattern MEMDEV = Pattern.compile("mem(\\d+)");
    private static final Pattern NVME = Pattern.compile("nvme(\\d+)");
    private static final Pattern FWCTL = Pattern.compile("fwctl(\\d+)");
    private static final long MIB = 1L << 20;

    private final Sysfs sysfs;

    /** @param sysfs where to read */
    SysfsDiscovery(Sysfs sysfs) {
        this.sysfs = sysfs;
    }

    /** @return the CXL memory devices, as {@code cxl:memN} */
    List<SysfsDevice> cxlMemoryDevices() {
        List<SysfsDevice> found = new ArrayList<>();
        for (Path dir : sysfs.entries(sysfs.dir("bus/cxl/devices"), MEMDEV)) {
            String name = dir.getFileName().toString();
            // Linux prints a CXL serial with %#llx; 0 means the device has no serial number capability
            Optional<String> serial = sysfs.attribute(dir, "serial")
                    .filter(s -> !s.equals("0") && !s.equals("0x0"));
            StringJoiner description = new StringJoiner(", ");
            description.add("CXL memory device");
            sysfs.attribute(dir, "firmware_version").filter(s -> !s.isEmpty())
                    .ifPresent(firmware -> description.add("firmware " + firmware));
            capacity(dir, "ram/size").ifPresent(size -> description.add(size + " volatile"));
            capacity(dir, "pmem/size").ifPresent(size -> description.add(size + " persistent"));
            found.add(device("cxl", name, DeviceKind.CXL_MEMORY_DEVICE, dir, serial, description.toString(),
                    "/dev/cxl/" + name));
        }
        return found;
    }

    /** @return the NVMe controllers, as {@code nvme:nvmeN} */
    List<SysfsDevice> nvmeControllers() {
        List<SysfsDevice> found = new ArrayList<>();
        for (Path dir : sysfs.entries(sysfs.dir("class/nvme"), NVME)) {
            String name = dir.getFileName().toString();
            Optional<String> serial = sysfs.attribute(dir, "serial").filter(s -> !s.isEmpty());
            String model = sysfs.attribute(dir, "model").filter(s -> !s.isEmpty()).orElse("NVMe controller");
            String firmware = sysfs.attribute(dir, "firmware_rev").map(f -> ", firmware " + f).orElse("");
            found.add(device("nvme", name, DeviceKind.NVME_CONTROLLER, dir, serial, model + firmware, "/dev/" + name));
        }
        return found;
    }

    /** @return the fwctl devices, as {@code fwctl:fwctlN} */
    List<SysfsDevice> fwctlDevices() {
        List<SysfsDevice> found = new ArrayList<>();
        for (Path dir : sysfs.entries(sysfs.dir("class/fwctl"), FWCTL)) {
            String name = dir.getFileName().toString();
            Path parent = dir.resolve("device");
            String description = "fwctl device" + sysfs.linkName(parent).map(p -> " of " + p).orElse("")
                    + sysfs.linkName(parent.resolve("driver")).map(d -> " (driver " + d + ")").orElse("");
            found.add(device("fwctl", name, DeviceKind.FWCTL_DEVICE, dir, Optional.empty(), description,
                    "/dev/fwctl/" + name));
        }
        return found;
    }

    private SysfsDevice device(String scheme, String name, DeviceKind kind, Path dir, Optional<String> serial,
            String description, String node) {
        Sysfs.PciIds pci = sysfs.pciIds(dir);
        DeviceInfo info = new DeviceInfo(new DeviceId(scheme, name), kind, pci.vendor(), pci.device(), serial,
                description);
        return new SysfsDevice(info, node, dir);
    }

    private Optional<String> capacity(Path dir, String attribute) {
        OptionalLong bytes = sysfs.number(dir, attribute);
        if (bytes.isEmpty() || bytes.getAsLong() == 0) {
            return Optional.empty();
        }
        long size = bytes.getAsLong();
        return Optional.of(size % MIB == 0 ? size / MIB + " MiB" : size + " bytes");
    }
}
