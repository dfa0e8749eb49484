package io.fwgate.cci;

import static io.fwgate.cci.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

class TunnelingTransportTest {
    private static final DeviceId SWITCH = DeviceId.parse("fake:sw0");
    private static final DeviceId LD0 = DeviceId.parse("fake:sw0/port1/ld0");

    /** A switch CCI that records what it is sent and answers with canned bytes. */
    private static final class FakeSwitch implements Transport {
        final List<DeviceId> targets = new ArrayList<>();
        final List<DeviceRequest> requests = new ArrayList<>();
        DeviceResponse answer = new DeviceResponse(0, new byte[0]);

        @Override
        public String scheme() {
            return "fake";
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of(info(SWITCH, DeviceKind.CXL_SWITCH));
        }

        @Override
        public DeviceResponse send(DeviceId device, DeviceRequest request) {
            targets.add(device);
            requests.add(request);
            return answer;
        }
    }

    private final FakeSwitch carrier = new FakeSwitch();
    private final TunnelingTransport transport = new TunnelingTransport(carrier,
            List.of(info(LD0, DeviceKind.CXL_MEMORY_DEVICE)));

    private static DeviceInfo info(DeviceId id, DeviceKind kind) {
        return new DeviceInfo(id, kind, -1, -1, Optional.empty(), "");
    }

    private static DeviceRequest request(int opcode, String payloadHex, int maxResponse) {
        return new DeviceRequest(opcode, bytes(payloadHex), Map.of(), maxResponse);
    }

    @Test
    void aCommandToAnLdGoesToTheSwitchAsNestedTunnels() throws Exception {
        carrier.answer = new DeviceResponse(0, bytes("2000 0000 | 01 00 00 00 53 140000 0000 0000"
                + " | 1000 0000 | 01 00 00 00 42 040000 0000 0000 01020304"));

        DeviceResponse response = transport.send(LD0, request(0x4200, "", 4));

        assertThat(carrier.targets).containsExactly(SWITCH);
        DeviceRequest sent = carrier.requests.get(0);
        assertThat(sent.opcode()).isEqualTo(0x5300);
        assertThat(sent.payload()).containsExactly(bytes("01 00 1c00 | 00 00 00 00 53 100000 0000 0000"
                + " | 00 00 0c00 | 00 00 00 00 42 000000 0000 0000"));
        assertThat(sent.maxResponseSize()).isEqualTo(4 + 2 * 16);
        assertThat(response.status()).isZero();
        assertThat(response.payload()).containsExactly(1, 2, 3, 4);
        assertThat(response.fields()).isEmpty();
    }

    @Test
    void theLdsReturnCodeAndVendorStatusAreTheAnswer() throws Exception {
        carrier.answer = new DeviceResponse(0, bytes("1c00 0000 | 01 00 00 00 53 100000 0000 0000"
                + " | 0c00 0000 | 01 00 00 00 44 000000 0600 3412"));

        DeviceResponse response = transport.send(LD0, request(0x4400, "", 0));

        assertThat(response.status()).isEqualTo(6);
        assertThat(response.fields()).containsEntry("vendor-status", 0x1234L);
    }

    @Test
    void anLdThatDoesNotAnswerIsAnIoExceptionNamingTheRoute() {
        carrier.answer = new DeviceResponse(0, bytes("0c00 0000 | 01 00 00 00 53 000000 0200 0000"));

        assertThatThrownBy(() -> transport.send(LD0, request(0x0001, "", 18)))
                .isInstanceOf(TunnelFailedException.class)
                .hasMessageStartingWith("fake:sw0 tunnel 1 -> 0: ")
                .hasMessageContaining("hop 2 (0) answered return code 02h");
    }

    @Test
    void aMalformedAnswerIsAnIoExceptionNamingTheRoute() {
        carrier.answer = new DeviceResponse(0, bytes("ff00 0000"));

        assertThatThrownBy(() -> transport.send(LD0, request(0x0001, "", 18)))
                .isInstanceOf(CciFormatException.class).hasMessageStartingWith("fake:sw0 tunnel 1 -> 0: ");
    }

    @Test
    void anAnswerLargerThanRequestedIsRefused() {
        carrier.answer = new DeviceResponse(0, bytes("1e00 0000 | 01 00 00 00 53 120000 0000 0000"
                + " | 0e00 0000 | 01 00 00 01 00 020000 0000 0000 aabb"));

        assertThatThrownBy(() -> transport.send(LD0, request(0x0001, "", 1)))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("more than the 1 requested");
    }

    @Test
    void otherDevicesGoToTheCarrierUnchanged() throws Exception {
        transport.send(SWITCH, request(0x5100, "", 0x49));

        assertThat(carrier.requests.get(0).opcode()).isEqualTo(0x5100);
        assertThat(transport.devices()).extracting(DeviceInfo::id).containsExactly(SWITCH, LD0);
        assertThat(transport.scheme()).isEqualTo("fake");
    }

    @Test
    void parametersAndDevicesWithoutARouteAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> transport.send(LD0,
                new DeviceRequest(0x4200, new byte[0], Map.of("cdw10", 1L), 0))).withMessageContaining("parameters");
        assertThatIllegalArgumentException().isThrownBy(() -> new TunnelingTransport(carrier,
                List.of(info(DeviceId.parse("fake:ld0"), DeviceKind.CXL_MEMORY_DEVICE))))
                .withMessageContaining("names no tunnel route");
    }
}
