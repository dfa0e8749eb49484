package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

class SysfsDiscoveryTest {
    @TempDir
    Path root;

    private SysfsDiscovery discovery() {
        return new SysfsDiscovery(new Sysfs(root));
    }

    @Test
    void findsCxlMemoryDevicesWithThePciIdsOfTheirFunction() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(root);
        Path function = sysfs.pciFunction("pci0000:0c/0000:0c:00.0/0000:0d:00.0", 0x8086, 0x0d93);
        sysfs.memdev(function, "mem0", "0xc0ffee01");
        Files.createDirectories(root.resolve("bus/cxl/devices/decoder0.0"));
        Files.createDirectories(root.resolve("bus/cxl/devices/root0"));

        assertThat(discovery().cxlMemoryDevices()).singleElement().satisfies(device -> {
            assertThat(device.info()).isEqualTo(new DeviceInfo(new DeviceId("cxl", "mem0"), DeviceKind.CXL_MEMORY_DEVICE,
                    0x8086, 0x0d93, Optional.of("0xc0ffee01"),
                    "CXL memory device, firmware BWFW VERSION 00, 256 MiB persistent"));
            assertThat(device.node()).isEqualTo("/dev/cxl/mem0");
            assertThat(device.directory()).isEqualTo(root.resolve("bus/cxl/devices/mem0"));
        });
    }

    @Test
    void ordersDevicesByNumberAndTreatsSerialZeroAsNoSerial() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(root);
        Path function = sysfs.pciFunction("pci0000:0c/0000:0c:00.0/0000:0d:00.0", 0x8086, 0x0d93);
        sysfs.memdev(function, "mem10", "0x0");
        sysfs.memdev(function, "mem2", "0");

        assertThat(discovery().cxlMemoryDevices()).extracting(d -> d.info().id().address()).containsExactly("mem2", "mem10");
        assertThat(discovery().cxlMemoryDevices()).allSatisfy(d -> assertThat(d.info().serial()).isEmpty());
    }

    @Test
    void findsNvmeControllersWithoutTheKernelsPadding() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(root);
        sysfs.nvme(sysfs.pciFunction("pci0000:00/0000:00:04.0", 0x1b36, 0x0010), "nvme0", "deadbeef");

        assertThat(discovery().nvmeControllers()).singleElement().satisfies(device -> {
            assertThat(device.info()).isEqualTo(new DeviceInfo(new DeviceId("nvme", "nvme0"), DeviceKind.NVME_CONTROLLER,
                    0x1b36, 0x0010, Optional.of("deadbeef"), "QEMU NVMe Ctrl, firmware 10.0.2"));
            assertThat(device.node()).isEqualTo("/dev/nvme0");
        });
    }

    @Test
    void findsFwctlDevicesWithTheirParentAndDriver() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(root);
        Path function = sysfs.pciFunction("pci0000:0c/0000:0c:00.0/0000:0d:00.0", 0x8086, 0x0d93);
        sysfs.fwctl(function, "fwctl0", "cxl_pci");

        assertThat(discovery().fwctlDevices()).singleElement().satisfies(device -> {
            assertThat(device.info()).isEqualTo(new DeviceInfo(new DeviceId("fwctl", "fwctl0"), DeviceKind.FWCTL_DEVICE,
                    0x8086, 0x0d93, Optional.empty(), "fwctl device of 0000:0d:00.0 (driver cxl_pci)"));
            assertThat(device.node()).isEqualTo("/dev/fwctl/fwctl0");
        });
    }

    @Test
    void aMachineWithoutTheseSubsystemsHasNoDevices() {
        assertThat(discovery().cxlMemoryDevices()).isEmpty();
        assertThat(discovery().nvmeControllers()).isEmpty();
        assertThat(discovery().fwctlDevices()).isEmpty();
    }

    @Test
    void aDeviceOutsideAnyPciFunctionHasUnknownIds() throws Exception {
        Path memdev = root.resolve("devices/platform/cxl_mem.0/mem0");
        FakeSysfs.attribute(memdev, "serial", "0x1\n");
        Files.createDirectories(root.resolve("bus/cxl/devices"));
        Files.createSymbolicLink(root.resolve("bus/cxl/devices/mem0"), Path.of("../../../devices/platform/cxl_mem.0/mem0"));

        assertThat(discovery().cxlMemoryDevices()).singleElement().satisfies(device -> {
            assertThat(device.info().pciVendorId()).isEqualTo(-1);
            assertThat(device.info().pciDeviceId()).isEqualTo(-1);
        });
    }
}
