package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.linux.internal.sys.Errno;

class MctpTransportTest {
    private static LinuxSettings settings(String endpoints) {
        return LinuxSettings.from(name -> name.equals(LinuxSettings.MCTP_ENDPOINTS) ? endpoints : null);
    }

    @Test
    void listsConfiguredEndpointsAndSaysWhenTheKernelHasNoAfMctp() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        network.socketErrno = Errno.EAFNOSUPPORT;

        MctpTransport transport = new MctpTransport(settings("1,8:cxl-memory-device"), () -> network, () -> 0,
                warning -> { });

        assertThat(transport.devices()).singleElement().satisfies(device -> {
            assertThat(device.id()).isEqualTo(DeviceId.parse("mctp:1,8"));
            assertThat(device.kind()).isEqualTo(DeviceKind.CXL_MEMORY_DEVICE);
            assertThat(device.pciVendorId()).isEqualTo(-1);
            assertThat(device.description()).contains("CXL CCI").contains("no AF_MCTP");
        });
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,8"), new DeviceRequest(1, new byte[0], Map.of(), 18)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMalformedListIsReportedAndLeavesNoEndpoints() throws Exception {
        StringBuilder warnings = new StringBuilder();

        MctpTransport transport = new MctpTransport(settings("1,8;oops"), () -> {
            throw new AssertionError("JNA is not needed without endpoints");
        }, () -> 0, warnings::append);

        assertThat(transport.devices()).isEmpty();
        assertThat(warnings.toString()).contains(LinuxSettings.MCTP_ENDPOINTS).contains("'oops'");
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,8"), new DeviceRequest(1, new byte[0], Map.of(), 18)))
                .isInstanceOf(DeviceGoneException.class).hasMessageContaining("not a configured MCTP endpoint");
    }
}
