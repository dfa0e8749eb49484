package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/** The platform's request mapping onto the admin queue, through the {@code emu} transport. */
class NvmeControllerTest {
    private static final DeviceId NVME0 = DeviceId.parse("emu:nvme0");

    private final AtomicLong nanos = new AtomicLong();
    private final EmulatorTransport transport = new EmulatorTransport(EmulatorTransport.standardDevices(nanos::get));

    private DeviceResponse send(int opcode, Map<String, Long> parameters, int maxResponseSize) throws Exception {
        return transport.send(NVME0, new DeviceRequest(opcode, new byte[0], parameters, maxResponseSize));
    }

    @Test
    void theTransportOffersTheControllerWithQemusIds() throws Exception {
        assertThat(transport.devices()).contains(new DeviceInfo(NVME0, DeviceKind.NVME_CONTROLLER, 0x1b36, 0x0010,
                Optional.of("FWGATE-NVME-0001"), "fwgate emulated NVMe"));
    }

    @Test
    void parametersAreTheCommandDwordsAndResultIsCompletionDwordZero() throws Exception {
        DeviceResponse identify = send(0x06, Map.of("cdw10", 1L), 4096);
        assertThat(identify.status()).isZero();
        assertThat(identify.payload()).hasSize(4096);
        assertThat(identify.fields()).containsExactly(Map.entry("result", 0L));

        DeviceResponse queues = send(0x09, Map.of("nsid", 0L, "cdw10", 7L, "cdw11", 0x0010_0010L), 0);
        assertThat(queues.status()).isZero();
        assertThat(queues.fields()).containsExactly(Map.entry("result", 0x003f_003fL));
    }

    @Test
    void absentParametersAreZero() throws Exception {
        DeviceResponse namespace = send(0x06, Map.of(), 4096);
        assertThat(namespace.status()).isEqualTo(0x00b); // CNS 0, NSID 0: Invalid Namespace or Format
        assertThat(namespace.payload()).isEmpty();
    }

    @Test
    void theStatusIsSctAndScAndTheDataBufferSizeLimitsTheData() throws Exception {
        assertThat(send(0x7f, Map.of(), 0).status()).isEqualTo(0x001);
        assertThat(send(0x02, Map.of("cdw10", 0x04L), 4096).status()).isEqualTo(0x109);
        assertThat(send(0x06, Map.of("cdw10", 1L), 4095).status()).isEqualTo(0x002);
    }

    @Test
    void requestsTheAdminQueueCannotCarryAreIllegal() {
        assertThatIllegalArgumentException().isThrownBy(() -> send(0x100, Map.of(), 0)).withMessageContaining("0x100");
        assertThatIllegalArgumentException().isThrownBy(() -> send(0x06, Map.of("cdw9", 1L), 0))
                .withMessageContaining("cdw9");
        assertThatIllegalArgumentException().isThrownBy(() -> send(0x06, Map.of("cdw10", 1L << 32), 0))
                .withMessageContaining("32 bits");
        assertThatIllegalArgumentException().isThrownBy(() -> send(0x06, Map.of("nsid", -1L), 0))
                .withMessageContaining("nsid");
    }
}
