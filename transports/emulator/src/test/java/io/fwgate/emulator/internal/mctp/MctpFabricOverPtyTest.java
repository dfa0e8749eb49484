package io.fwgate.emulator.internal.mctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.emulator.internal.TestDevices;
import io.fwgate.mctp.internal.MctpSerialTransport;

/**
 * The {@code mctp-serial} transport against the emulated endpoint on a real pseudo-terminal: it finds the LDs
 * behind the emulated switch with the switch's own FM API commands and reaches them by tunnel, as
 * {@code --emulated} runs it.
 */
class MctpFabricOverPtyTest {
    private MctpPtyEndpoint endpoint;
    private MctpSerialTransport transport;
    private String cci;

    @BeforeEach
    void start() throws Exception {
        Map<String, EmulatedDevice> devices = TestDevices.all(System::nanoTime);
        endpoint = MctpPtyEndpoint.onPseudoterminal(8, devices.get("switch0"), devices.get("nvme0"));
        endpoint.start();
        cci = "mctp-serial:" + endpoint.path() + ",8";
        Map<String, String> properties = Map.of("fwgate.mctp.serial", endpoint.path() + ",8",
                "fwgate.mctp.serial.timeout-ms", "10000");
        // the transport reads only framework properties from its bundle context
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        ? properties.get((String) args[0]) : null);
        transport = new MctpSerialTransport(context);
    }

    /** The transport's own side of the line stays open: closing it is its deactivation, the framework's job. */
    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    @Test
    void theLdsBehindTheEmulatedSwitchAreListed() throws Exception {
        assertThat(transport.devices()).extracting(DeviceInfo::id, DeviceInfo::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeviceId.parse(cci), DeviceKind.CXL_SWITCH),
                org.assertj.core.groups.Tuple.tuple(DeviceId.parse(cci + "/port1/ld0"), DeviceKind.CXL_MEMORY_DEVICE),
                org.assertj.core.groups.Tuple.tuple(DeviceId.parse(cci + "/port1/ld1"), DeviceKind.CXL_MEMORY_DEVICE));
    }

    @Test
    void identifyOfAnLdComesBackThroughBothTunnels() throws Exception {
        transport.devices();

        DeviceResponse identify = transport.send(DeviceId.parse(cci + "/port1/ld1"), new DeviceRequest(0x0001,
                new byte[0], Map.of(), 18));

        // Identify: u16 vendor id at 0, u16 device id at 2, u64 serial at 8, component type at 17 (3: type 3)
        ByteBuffer payload = ByteBuffer.wrap(identify.payload()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(identify.status()).isZero();
        assertThat(identify.payload()).hasSize(18);
        assertThat(Short.toUnsignedInt(payload.getShort(0))).isEqualTo(0x8086);
        assertThat(payload.getLong(8)).as("LD 1's own serial").isEqualTo(0xc0ffee12L);
        assertThat(payload.get(17)).isEqualTo((byte) 0x03);
    }

    @Test
    void anLdTheMldDoesNotHaveIsNotListedAndNotReached() throws Exception {
        transport.devices();

        assertThatThrownBy(() -> transport.send(DeviceId.parse(cci + "/port1/ld2"), new DeviceRequest(0x0001,
                new byte[0], Map.of(), 18))).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("no memory device");
    }
}
