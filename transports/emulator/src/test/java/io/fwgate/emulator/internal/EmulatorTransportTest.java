package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

class EmulatorTransportTest {
    private static final DeviceId MEM0 = DeviceId.parse("emu:mem0");

    private final AtomicLong nanos = new AtomicLong();
    private final EmulatorTransport enabled = new EmulatorTransport(EmulatorTransport.standardDevices(nanos::get));

    private static BundleContext context(Map<String, String> properties) {
        return Fakes.context(properties, List.of());
    }

    private static DeviceRequest request(int opcode, byte[] payload) {
        return new DeviceRequest(opcode, payload, Map.of(), 1 << 20);
    }

    @Test
    void withoutThePropertyThereAreNoDevices() throws Exception {
        for (Map<String, String> properties : List.of(Map.<String, String>of(), Map.of("fwgate.emulated", "false"))) {
            EmulatorTransport transport = new EmulatorTransport(context(properties));

            assertThat(transport.devices()).isEmpty();
            assertThatExceptionOfType(DeviceGoneException.class)
                    .isThrownBy(() -> transport.send(MEM0, request(0x0001, Spec.NONE)))
                    .withMessageContaining("emu:mem0")
                    .withMessageContaining("fwgate.emulated=true");
        }
    }

    @Test
    void aDeviceReplacedAtItsAddressSinceTheListingIsReportedGoneOnceAndNothingIsSent() throws Exception {
        CxlType3Device unplugged = new CxlType3Device(MEM0, nanos::get);
        EmulatorTransport transport = new EmulatorTransport(Map.of("mem0", unplugged));
        transport.devices();
        transport.remove("mem0", unplugged);
        transport.add("mem0", new CxlType3Device(MEM0, nanos::get));

        assertThatExceptionOfType(DeviceGoneException.class)
                .isThrownBy(() -> transport.send(MEM0, request(0x0001, Spec.NONE)))
                .withMessageContaining("emu:mem0 was replaced since it was listed; nothing was sent");
        assertThat(transport.send(MEM0, request(0x0001, Spec.NONE)).status()).isZero();
    }

    @Test
    void withThePropertyItOffersTheCxlMemoryDeviceAndTheNvmeController() throws Exception {
        EmulatorTransport transport = new EmulatorTransport(context(Map.of("fwgate.emulated", "true")));

        assertThat(transport.scheme()).isEqualTo("emu");
        assertThat(transport.devices()).extracting(info -> info.id().address())
                .containsExactly("mem0", "nvme0", "switch0", "switch0/port1/ld0", "switch0/port1/ld1");
        assertThat(transport.devices()).contains(
                new DeviceInfo(MEM0, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93, Optional.of("0xc0ffee00"),
                        "fwgate emulated CXL type-3 memory device"),
                new DeviceInfo(DeviceId.parse("emu:nvme0"), DeviceKind.NVME_CONTROLLER, 0x1b36, 0x0010,
                        Optional.of("FWGATE-NVME-0001"), "fwgate emulated NVMe"));
        assertThat(transport.send(MEM0, request(0x0001, Spec.NONE)).ok()).isTrue();
        transport.deactivate();
    }

    @Test
    void sendCarriesOpcodeAndPayloadAndReturnsTheDevicesAnswer() throws Exception {
        DeviceResponse identify = enabled.send(MEM0, request(0x4000, Spec.NONE));
        assertThat(identify.status()).isZero();
        assertThat(identify.payload()).hasSize(0x45);
        assertThat(identify.fields()).isEmpty();

        assertThat(enabled.send(MEM0, request(0x0301, new byte[3])).status()).isEqualTo(0x16);
        assertThat(enabled.send(MEM0, request(0x4400, Spec.NONE)).status()).isEqualTo(0x01);
        assertThat(enabled.send(MEM0, request(0x4400, Spec.NONE)).status()).isEqualTo(0x06);
    }

    @Test
    void theRequestersResponseLimitApplies() throws Exception {
        DeviceResponse answer = enabled.send(MEM0, new DeviceRequest(0x4000, Spec.NONE, Map.of(), 0x44));

        assertThat(answer.status()).isEqualTo(0x16);
        assertThat(answer.payload()).isEmpty();
    }

    @Test
    void unknownAddressesAreGone() {
        assertThatExceptionOfType(DeviceGoneException.class)
                .isThrownBy(() -> enabled.send(DeviceId.parse("emu:mem9"), request(0x0001, Spec.NONE)))
                .withMessageContaining("emu:mem9");
    }

    @Test
    void requestsThatDoNotSuitTheTransportAreIllegal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> enabled.send(DeviceId.parse("cxl:mem0"), request(0x0001, Spec.NONE)))
                .withMessageContaining("cxl:mem0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> enabled.send(MEM0, new DeviceRequest(0x0001, Spec.NONE, Map.of("nsid", 1L), 64)))
                .withMessageContaining("nsid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> enabled.send(MEM0, request(0x10000, Spec.NONE)))
                .withMessageContaining("0x10000");
    }
}
