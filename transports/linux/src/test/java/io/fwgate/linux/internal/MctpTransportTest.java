package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.cci.CciMessage;
import io.fwgate.cci.Tunnel;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.linux.internal.FakeMctpNetwork.Datagram;
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

    /** The emulator's switch ({@code emu:switch0}: an MLD with two LDs on port 1) behind MCTP EID 9. */
    private static final Transport EMULATED = EmulatedFabric.createSwitch();
    private static final DeviceId SWITCH0 = new DeviceId(EmulatedFabric.SCHEME, "switch0");
    private static final DeviceRequest IDENTIFY = new DeviceRequest(0x4000, new byte[0], Map.of(), 0x45);

    /** Answers an FM API datagram (type 07h: the type byte, then a CCI message) as the emulated switch does. */
    private static List<Datagram> emulatedSwitch(Datagram request) {
        try {
            CciMessage asked = CciMessage.decode(Arrays.copyOfRange(request.bytes(), 1, request.bytes().length));
            DeviceResponse answer = EMULATED.send(SWITCH0, new DeviceRequest(asked.opcode(), asked.payload(), Map.of(),
                    CciMessage.MAX_PAYLOAD));
            byte[] cci = CciMessage.response(asked, answer.status(), answer.payload()).encode();
            byte[] bytes = new byte[1 + cci.length];
            bytes[0] = 0x07;
            System.arraycopy(cci, 0, bytes, 1, cci.length);
            return List.of(new Datagram(bytes, request.network(), request.eid(), 0x07, request.tag() & 0x07));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static MctpTransport transport(FakeMctpNetwork network, String endpoints) {
        return new MctpTransport(settings(endpoints), () -> network, () -> network.nanos, warning -> { });
    }

    @Test
    void theMemoryDevicesBehindASwitchEndpointAreListed() {
        FakeMctpNetwork network = new FakeMctpNetwork(MctpTransportTest::emulatedSwitch);

        List<DeviceInfo> devices = transport(network, "1,9:cxl-switch").devices();

        assertThat(devices).extracting(d -> d.id().toString()).containsExactly("mctp:1,9", "mctp:1,9/port1/ld0",
                "mctp:1,9/port1/ld1");
        assertThat(devices.get(0).description()).contains("CXL FM API").contains("2 memory devices behind its ports");
        assertThat(devices.get(1).kind()).isEqualTo(DeviceKind.CXL_MEMORY_DEVICE);
        assertThat(devices.get(1).description()).contains("LD 0").contains("switch port 1")
                .contains("MCTP endpoint 9 on network 1");
        assertThat(network.sent).allSatisfy(d -> assertThat(d.type()).isEqualTo(0x07));
    }

    @Test
    void aCommandToAnLdBehindTheSwitchGoesThroughItByTunnel() throws Exception {
        FakeMctpNetwork network = new FakeMctpNetwork(MctpTransportTest::emulatedSwitch);
        MctpTransport transport = transport(network, "1,9:cxl-switch");
        transport.devices();
        network.sent.clear();

        DeviceResponse answer = transport.send(DeviceId.parse("mctp:1,9/port1/ld1"), IDENTIFY);

        assertThat(answer.ok()).isTrue();
        assertThat(answer.payload()).hasSize(0x45);
        assertThat(network.sent).singleElement().satisfies(d -> {
            assertThat(d.eid()).isEqualTo(9);
            // the switch is sent Tunnel Management (5300h), which carries Identify to the LD
            CciMessage outer = CciMessage.decode(Arrays.copyOfRange(d.bytes(), 1, d.bytes().length));
            assertThat(outer.opcode()).isEqualTo(Tunnel.OPCODE);
        });
    }

    @Test
    void aRouteTheSwitchDoesNotListIsGoneAndNothingIsSent() {
        FakeMctpNetwork network = new FakeMctpNetwork(MctpTransportTest::emulatedSwitch);
        MctpTransport transport = transport(network, "1,8:cxl-memory-device;1,9:cxl-switch");
        transport.devices();
        network.sent.clear();

        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,9/port2/ld0"), IDENTIFY))
                .isInstanceOf(DeviceGoneException.class).hasMessageContaining("leads to no memory device");
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,8/port1/ld0"), IDENTIFY))
                .isInstanceOf(DeviceGoneException.class);
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,7/port1/ld0"), IDENTIFY))
                .isInstanceOf(DeviceGoneException.class).hasMessageContaining("not a configured MCTP endpoint");
        assertThat(network.sent).isEmpty();
    }

    @Test
    void aSwitchThatDoesNotAnswerIsListedAloneAndAskedAgainOnlyAfterAWhile() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        MctpTransport transport = transport(network, "1,9:cxl-switch");

        List<DeviceInfo> first = transport.devices();
        int asked = network.sent.size();
        transport.devices();

        assertThat(first).singleElement().satisfies(d -> assertThat(d.description())
                .contains("what is behind its ports is unknown").contains("no answer"));
        assertThat(asked).isEqualTo(1);
        assertThat(network.sent).as("no second scan at once").hasSize(1);
        network.nanos += TimeUnit.SECONDS.toNanos(MctpFabrics.RESCAN_SECONDS);
        transport.devices();
        assertThat(network.sent).as("scanned again after a while").hasSize(2);
    }

    @Test
    void withoutAfMctpADeviceBehindASwitchIsUnsupportedNotGone() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        network.socketErrno = Errno.EAFNOSUPPORT;
        MctpTransport transport = transport(network, "1,9:cxl-switch");

        assertThat(transport.devices()).hasSize(1);
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp:1,9/port1/ld0"), IDENTIFY))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("AF_MCTP");
    }
}
