package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciMessage;
import io.fwgate.cci.TunnelFailedException;
import io.fwgate.cci.TunnelRoute;

/** Discovery of the memory devices behind a switch reached over the serial binding ({@link FakeSwitch}). */
class FabricDiscoveryTest {
    private static final long TIMEOUT = 1_000_000_000L;
    private static final String SWITCH = "mctp-serial:/dev/ttyS1,8";

    private final FakeEndpoint fake = new FakeEndpoint(8);
    private final FakeSwitch fakeSwitch = new FakeSwitch();
    private final SerialEndpoint endpoint = new SerialEndpoint("mctp-serial", new io.fwgate.mctp.MctpSerialLink(
            "/dev/ttyS1", 8), link -> fake, fake.nanos::get, TIMEOUT);
    @Test
    void theLdsOfTheMldAndTheSldBehindTheSwitchAreListed() {
        fake.responder = fakeSwitch::answer;

        endpoint.discover();

        assertThat(endpoint.infos()).extracting(info -> info.id().toString(), DeviceInfo::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SWITCH, DeviceKind.CXL_SWITCH),
                org.assertj.core.groups.Tuple.tuple(SWITCH + "/port1/ld0", DeviceKind.CXL_MEMORY_DEVICE),
                org.assertj.core.groups.Tuple.tuple(SWITCH + "/port1/ld1", DeviceKind.CXL_MEMORY_DEVICE),
                org.assertj.core.groups.Tuple.tuple(SWITCH + "/port2", DeviceKind.CXL_MEMORY_DEVICE));
        assertThat(endpoint.infos().get(1).description()).isEqualTo("LD 0 of the CXL MLD on switch port 1 behind MCTP"
                + " endpoint 8 on serial line /dev/ttyS1, reached by tunnel");
        assertThat(endpoint.info().description()).endsWith("CXL FM API (07h); 3 memory devices behind its ports");
        // Get LD Info went to port 1 in a Tunnel Management Command of target type 0 (port or LD)
        CciMessage ldInfo = fakeSwitch.fmApiRequests.get(2);
        assertThat(ldInfo.opcode()).isEqualTo(0x5300);
        assertThat(Arrays.copyOfRange(ldInfo.payload(), 0, 4)).containsExactly(1, 0, 12, 0);
        assertThat(ldInfo.payload()[4 + 3]).as("inner command").isEqualTo((byte) 0x00);
        assertThat(ldInfo.payload()[4 + 4]).as("inner command set").isEqualTo((byte) 0x54);
    }

    @Test
    void aCommandToAnLdGoesThroughBothTunnels() throws Exception {
        fake.responder = fakeSwitch::answer;
        endpoint.discover();

        DeviceResponse answer = endpoint.sendBehind(route("/port1/ld0"), new DeviceRequest(0x4200, new byte[0],
                Map.of(), 18));

        assertThat(answer.status()).isZero();
        assertThat(answer.payload()).containsExactly(0x5a);
    }

    @Test
    void anLdThatDoesNotAnswerIsAClearError() {
        fake.responder = fakeSwitch::answer;
        endpoint.discover();

        assertThatThrownBy(() -> endpoint.sendBehind(route("/port1/ld1"), new DeviceRequest(0x4200, new byte[0],
                Map.of(), 18))).isInstanceOf(TunnelFailedException.class).hasMessageStartingWith(SWITCH
                        + " tunnel 1 -> 1: ").hasMessageContaining("hop 2").hasMessageContaining("return code 01h");
        assertThatThrownBy(() -> endpoint.sendBehind(route("/port2"), new DeviceRequest(0x4200, new byte[0],
                Map.of(), 18))).isInstanceOf(SocketTimeoutException.class)
                .hasMessage(SWITCH + " tunnel 2: MCTP endpoint 8 did not answer within 1000 ms");
    }

    @Test
    void aDeviceDiscoveryDidNotFindIsGone() {
        fake.responder = fakeSwitch::answer;
        endpoint.discover();

        assertThatThrownBy(() -> endpoint.sendBehind(route("/port1/ld2"), new DeviceRequest(0x4200, new byte[0],
                Map.of(), 18))).isInstanceOf(DeviceGoneException.class).hasMessageContaining("no memory device");
    }

    @Test
    void anMldThatCannotCountItsLdsIsNamedInTheDescription() {
        fake.responder = message -> {
            Optional<byte[]> answer = fakeSwitch.answer(message);
            if (message[0] == 0x07 && FakeSwitch.cci(message).opcode() == 0x5300) {
                return Optional.of(FakeEndpoint.withType(0x07, CciMessage.response(FakeSwitch.cci(message), 0x0015,
                        new byte[0]).encode()));
            }
            return answer;
        };

        endpoint.discover();

        assertThat(endpoint.infos()).extracting(info -> info.id().toString()).containsExactly(SWITCH, SWITCH
                + "/port2");
        assertThat(endpoint.info().description()).endsWith("1 memory device behind its ports (not all known: "
                + SWITCH + " tunnel 1: the tunnel 1 did not reach its target: the Tunnel Management Command to hop 1"
                + " (1) answered return code 15h)");
    }

    private static TunnelRoute route(String suffix) {
        return TunnelRoute.parse(DeviceId.parse(SWITCH + suffix)).orElseThrow();
    }
}
