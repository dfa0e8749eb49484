package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciMessage;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelRequest;
import io.fwgate.cci.TunnelRoute;
import io.fwgate.cci.TunnelingTransport;
import io.fwgate.mctp.MctpExchange;

class MctpRequesterTest {
    private static final long TIMEOUT = 1_000_000_000L;

    private final FakeEndpoint endpoint = new FakeEndpoint(8);
    private final MctpRequester requester = new MctpRequester(endpoint, 9, endpoint.nanos::get, TIMEOUT);
    private final MctpExchange exchange = (message, max, answers) -> requester.exchange(8, message, answers);

    /** Answers control requests as a switch's management endpoint would: EID 8, FM API, CCI and NVMe-MI. */
    private static Optional<byte[]> control(byte[] request) {
        if (request[0] != 0x00) {
            return Optional.empty();
        }
        int instance = request[1] & 0x1f;
        return switch (request[2]) {
            case 0x02 -> Optional.of(new byte[] {0x00, (byte) instance, 0x02, 0x00, 0x08, 0x01, 0x00});
            case 0x05 -> Optional.of(new byte[] {0x00, (byte) instance, 0x05, 0x00, 0x03, 0x07, 0x08, 0x04});
            default -> Optional.of(new byte[] {0x00, (byte) instance, request[2], 0x05});
        };
    }

    @Test
    void discoversTheEndpointsIdAndMessageTypes() throws Exception {
        endpoint.responder = MctpRequesterTest::control;
        ControlMessages control = new ControlMessages(exchange, "MCTP endpoint 8");

        assertThat(control.endpointId()).isEqualTo(new ControlMessages.EndpointId(8, 0, 1));
        assertThat(control.messageTypes()).containsExactly(0x07, 0x08, 0x04);
    }

    @Test
    void answersSplitIntoOneByteReadsStillArrive() throws Exception {
        endpoint.responder = MctpRequesterTest::control;
        endpoint.chunk = 1;

        assertThat(new ControlMessages(exchange, "MCTP endpoint 8").endpointId().eid()).isEqualTo(8);
    }

    @Test
    void corruptFramesBeforeTheAnswerAreDroppedAndCounted() throws Exception {
        endpoint.responder = MctpRequesterTest::control;
        byte[] corrupt = SerialFrames.frame(new byte[] {0x01, 0x09, 0x08, (byte) 0xc0, 0x00});
        corrupt[4] ^= 0x40;
        endpoint.prefix = corrupt;

        assertThat(new ControlMessages(exchange, "MCTP endpoint 8").messageTypes()).containsExactly(0x07, 0x08, 0x04);
        assertThat(requester.droppedFrames()).isEqualTo(1);
    }

    @Test
    void aSilentEndpointTimesOut() {
        assertThatThrownBy(() -> requester.exchange(8, new byte[13], message -> true))
                .isInstanceOf(SocketTimeoutException.class).hasMessage("MCTP endpoint 8 did not answer within 1000 ms");
    }

    @Test
    void aFailedControlCommandIsReported() {
        endpoint.responder = request -> Optional.of(new byte[] {0x00, (byte) (request[1] & 0x1f), request[2], 0x01});

        assertThatThrownBy(() -> new ControlMessages(exchange, "MCTP endpoint 8").endpointId())
                .hasMessageContaining("control command 02h failed with completion code 01h");
    }

    @Test
    void aLongCciAnswerIsReassembledFromManyPackets() throws Exception {
        byte[] log = new byte[1000];
        log[999] = 0x5a;
        endpoint.responder = request -> Optional.of(FakeEndpoint.withType(0x08,
                new CciMessage(CciMessage.RESPONSE, Byte.toUnsignedInt(request[2]), 0x0401, 0, 0, log).encode()));

        DeviceResponse response = new MctpCciChannel(exchange, "MCTP endpoint 8", MessageType.CXL_CCI, () -> 7)
                .send(new DeviceRequest(0x0401, new byte[0x18], Map.of(), 1000));

        assertThat(response.payload()).hasSize(1000).endsWith(0x5a);
    }

    @Test
    void tunnelsToDevicesBehindASwitchWorkOverMctp() throws Exception {
        // the switch answers 5300h by running the inner command at port 1 -> LD 0: health info 4200h
        endpoint.responder = request -> Optional.of(FakeEndpoint.withType(0x07, switchAnswer(request)));
        TunnelRoute route = TunnelRoute.parse(DeviceId.parse("mctp-serial:pts3,8/port1/ld0")).orElseThrow();

        DeviceResponse response = TunnelingTransport.send(new MctpCciChannel(exchange, "MCTP endpoint 8",
                MessageType.CXL_FM_API, () -> 0),
                route, new DeviceRequest(0x4200, new byte[0], Map.of(), 18));

        assertThat(response.status()).isZero();
        assertThat(response.payload()).hasSize(18).startsWith(0x00, 0x00, 0x00, 0x03);
    }

    private static byte[] switchAnswer(byte[] request) {
        try {
            CciMessage outer = CciMessage.decode(java.util.Arrays.copyOfRange(request, 1, request.length));
            TunnelRequest toPort = Tunnel.parseRequest(outer.payload());
            TunnelRequest toLd = Tunnel.parseRequest(toPort.inner().payload());
            assertThat(List.of(toPort.target().id(), toLd.target().id())).containsExactly(1, 0);
            byte[] health = new byte[18];
            health[3] = 3;
            byte[] ldLevel = Tunnel.response(CciMessage.response(toLd.inner(), 0, health));
            byte[] portLevel = Tunnel.response(CciMessage.response(toPort.inner(), 0, ldLevel));
            return CciMessage.response(outer, 0, portLevel).encode();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
