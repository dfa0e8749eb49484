package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;

/** Discovery and hot-plug through the transports, over a fake sysfs and a fake kernel. */
class SysfsTransportTest {
    private static final DeviceId MEM0 = new DeviceId("cxl", "mem0");
    private static final DeviceRequest RAW_TIMESTAMP = new DeviceRequest(0x0300, new byte[0], Map.of(), 1 << 20);

    @TempDir
    Path root;

    private final FakeCxlDriver driver = new FakeCxlDriver(FakeCxlDriver.debian61(), Set.of(7), Set.of(), true,
            opcode -> new FakeCxlDriver.Answer(0, new byte[8]));
    private final FakeKernel kernel = new FakeKernel(driver);

    private LinuxSettings settings(boolean enabled) {
        return new LinuxSettings(enabled, root, "", 5000, 0);
    }

    private Path function() throws Exception {
        return new FakeSysfs(root).pciFunction("pci0000:0c/0000:0c:00.0/0000:0d:00.0", 0x8086, 0x0d93);
    }

    @Test
    void picksUpADeviceThatAppearedAndReportsOneThatWentAsGone() throws Exception {
        CxlTransport transport = new CxlTransport(settings(true), () -> kernel);
        assertThat(transport.devices()).isEmpty();

        new FakeSysfs(root).memdev(function(), "mem0", "0x1");
        assertThat(transport.devices()).extracting(d -> d.id()).containsExactly(MEM0);

        Files.delete(root.resolve("bus/cxl/devices/mem0"));
        assertThat(transport.devices()).isEmpty();
        assertThatThrownBy(() -> transport.send(MEM0, RAW_TIMESTAMP)).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("cxl:mem0 is gone");
        assertThat(kernel.opened).isEmpty();
    }

    @Test
    void aDeviceReplacedAtTheSameNameIsReportedGoneOnceAndNothingIsSent() throws Exception {
        new FakeSysfs(root).memdev(function(), "mem0", "0x1");
        CxlTransport transport = new CxlTransport(settings(true), () -> kernel);
        assertThat(transport.devices()).extracting(d -> d.serial().orElseThrow()).containsExactly("0x1");

        // unplugged, and another device enumerated as mem0 before anyone listed again
        Files.delete(root.resolve("bus/cxl/devices/mem0"));
        new FakeSysfs(root).memdev(new FakeSysfs(root).pciFunction("pci0000:0e/0000:0e:00.0/0000:0f:00.0", 0x1e98,
                0x0001), "mem0", "0x2");

        assertThatThrownBy(() -> transport.send(MEM0, RAW_TIMESTAMP)).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("cxl:mem0 was replaced since it was listed")
                .hasMessageContaining("8086:0d93 serial 0x1").hasMessageContaining("1e98:0001 serial 0x2");
        assertThat(kernel.opened).isEmpty();
        transport.send(MEM0, RAW_TIMESTAMP);
        assertThat(kernel.opened).containsExactly("/dev/cxl/mem0");
    }

    @Test
    void sendsThroughTheDevicesNodeWithinItsMailboxSize() throws Exception {
        new FakeSysfs(root).memdev(function(), "mem0", "0x1");
        CxlTransport transport = new CxlTransport(settings(true), () -> kernel);

        transport.send(MEM0, RAW_TIMESTAMP);

        assertThat(kernel.opened).containsExactly("/dev/cxl/mem0");
        assertThat(driver.sent.get(0).outRoom()).isEqualTo(2048);
    }

    @Test
    void switchedOffItListsNothingAndNeverLoadsNativeCode() throws Exception {
        new FakeSysfs(root).memdev(function(), "mem0", "0x1");
        CxlTransport transport = new CxlTransport(settings(false), () -> {
            throw new AssertionError("JNA must not load when the Linux transports are off");
        });

        assertThat(transport.devices()).isEmpty();
        assertThatThrownBy(() -> transport.send(MEM0, RAW_TIMESTAMP)).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining(LinuxSettings.ENABLED + "=false");
    }

    @Test
    void eachTransportServesOnlyItsScheme() throws Exception {
        new FakeSysfs(root).nvme(function(), "nvme0", "deadbeef");
        NvmeTransport nvme = new NvmeTransport(settings(true), () -> kernel);
        FwctlTransport fwctl = new FwctlTransport(settings(true), () -> kernel);

        assertThat(nvme.scheme()).isEqualTo("nvme");
        assertThat(nvme.devices()).extracting(d -> d.id().toString()).containsExactly("nvme:nvme0");
        assertThat(fwctl.devices()).isEmpty();
        assertThatThrownBy(() -> nvme.send(MEM0, RAW_TIMESTAMP)).isInstanceOf(IllegalArgumentException.class);
    }
}
