package io.fwgate.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sysfs tree in a temporary directory, shaped as Linux shapes it: devices live under
 * {@code devices/pci0000:BB/...}, and {@code bus/cxl/devices}, {@code class/nvme}, {@code class/fwctl}
 * hold relative symbolic links to them; PCI functions carry {@code vendor} and {@code device}.
 */
final class FakeSysfs {
    final Path root;

    FakeSysfs(Path root) {
        this.root = root;
    }

    /** A PCI function at {@code devices/<path>} with its ids, as sysfs prints them ({@code 0x%04x}). */
    Path pciFunction(String path, int vendor, int device) throws IOException {
        Path function = root.resolve("devices").resolve(path);
        attribute(function, "vendor", String.format("0x%04x%n", vendor));
        attribute(function, "device", String.format("0x%04x%n", device));
        return function;
    }

    /** A CXL memory device below a PCI function, linked from bus/cxl/devices. */
    Path memdev(Path function, String name, String serial) throws IOException {
        Path memdev = function.resolve(name);
        attribute(memdev, "serial", serial + "\n");
        attribute(memdev, "firmware_version", "BWFW VERSION 00\n");
        attribute(memdev, "ram/size", "0x0\n");
        attribute(memdev, "pmem/size", "0x10000000\n");
        attribute(memdev, "payload_max", "2048\n");
        link(root.resolve("bus/cxl/devices").resolve(name), memdev);
        return memdev;
    }

    /** An NVMe controller below a PCI function, with the space padding the kernel prints, linked from class/nvme. */
    Path nvme(Path function, String name, String serial) throws IOException {
        Path controller = function.resolve("nvme").resolve(name);
        attribute(controller, "serial", String.format("%-20s%n", serial));
        attribute(controller, "model", String.format("%-40s%n", "QEMU NVMe Ctrl"));
        attribute(controller, "firmware_rev", String.format("%-8s%n", "10.0.2"));
        link(root.resolve("class/nvme").resolve(name), controller);
        return controller;
    }

    /** An fwctl device whose parent is {@code parent}, bound to {@code driver}, linked from class/fwctl. */
    Path fwctl(Path parent, String name, String driver) throws IOException {
        Path device = parent.resolve("fwctl").resolve(name);
        Files.createDirectories(device);
        link(device.resolve("device"), parent);
        link(parent.resolve("driver"), root.resolve("bus/pci/drivers").resolve(driver));
        link(root.resolve("class/fwctl").resolve(name), device);
        return device;
    }

    static void attribute(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createDirectories(target);
        Files.createSymbolicLink(link, link.getParent().relativize(target));
    }
}
