package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.FakeMctpNetwork.Datagram;
import io.fwgate.linux.internal.sys.Errno;

class MctpClientTest {
    private static final MctpEndpoint MEMORY = new MctpEndpoint(1, 8, DeviceKind.CXL_MEMORY_DEVICE);

    /**
     * A CCI response datagram as the spec lays it out: MCTP message type byte, then category (1:
     * response), tag, reserved, command, command set, 20-bit payload length, return code, vendor status.
     */
    private static Datagram response(Datagram request, int tag, int returnCode, int vendorStatus, byte... payload) {
        byte[] bytes = new byte[13 + payload.length];
        bytes[0] = request.bytes()[0];
        bytes[1] = 1;
        bytes[2] = (byte) tag;
        bytes[4] = request.bytes()[4];
        bytes[5] = request.bytes()[5];
        bytes[6] = (byte) payload.length;
        bytes[9] = (byte) returnCode;
        bytes[10] = (byte) (returnCode >> 8);
        bytes[11] = (byte) vendorStatus;
        bytes[12] = (byte) (vendorStatus >> 8);
        System.arraycopy(payload, 0, bytes, 13, payload.length);
        return new Datagram(bytes, request.network(), request.eid(), request.type(), request.tag() & 0x07);
    }

    private static int tagOf(Datagram request) {
        return Byte.toUnsignedInt(request.bytes()[2]);
    }

    private DeviceResponse send(FakeMctpNetwork network, MctpEndpoint endpoint, int opcode, byte[] payload, int max)
            throws IOException {
        MctpClient client = new MctpClient(network, () -> network.nanos, 5000);
        return client.send(endpoint, new DeviceRequest(opcode, payload, Map.of(), max));
    }

    @Test
    void sendsACciRequestAfterTheMessageTypeByteAsTagOwner() throws IOException {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(response(request, tagOf(request), 0, 0)));

        send(network, MEMORY, 0x4102, new byte[] { 0, 0, 0, 0, 0x40, 0, 0, 0 }, 64);

        Datagram sent = network.sent.get(0);
        assertThat(sent.network()).isEqualTo(1);
        assertThat(sent.eid()).isEqualTo(8);
        assertThat(sent.type()).isEqualTo(0x08);
        assertThat(sent.tag()).isEqualTo(0x08);
        assertThat(sent.bytes()).hasSize(1 + 12 + 8);
        assertThat(sent.bytes()[0]).isEqualTo((byte) 0x08);
        assertThat(sent.bytes()[1]).as("category: request").isZero();
        assertThat(sent.bytes()[4]).as("command").isEqualTo((byte) 0x02);
        assertThat(sent.bytes()[5]).as("command set").isEqualTo((byte) 0x41);
        assertThat(Arrays.copyOfRange(sent.bytes(), 6, 9)).as("payload length").containsExactly(8, 0, 0);
        assertThat(Arrays.copyOfRange(sent.bytes(), 13, 21)).containsExactly(0, 0, 0, 0, 0x40, 0, 0, 0);
        assertThat(network.closed).isEqualTo(1);
    }

    @Test
    void returnsTheMatchingAnswerAndDropsALateAnswerToAnEarlierRequest() throws IOException {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(
                response(request, tagOf(request) + 1, 0, 0, (byte) 0xee),
                response(request, tagOf(request), 0x16, 0x1234, (byte) 1, (byte) 2)));

        DeviceResponse answer = send(network, MEMORY, 0x4000, new byte[0], 64);

        assertThat(answer.status()).isEqualTo(0x16);
        assertThat(answer.payload()).containsExactly(1, 2);
        assertThat(answer.fields()).containsEntry("vendor-status", 0x1234L);
    }

    @Test
    void ignoresDatagramsFromOtherEndpointsAndRequestsAddressedToUs() throws IOException {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> {
            Datagram answer = response(request, tagOf(request), 0, 0, (byte) 5);
            return List.of(new Datagram(answer.bytes(), 1, 9, answer.type(), answer.tag()),
                    new Datagram(answer.bytes(), 1, 8, answer.type(), 0x08 | answer.tag()), answer);
        });

        assertThat(send(network, MEMORY, 0x4000, new byte[0], 64).payload()).containsExactly(5);
    }

    @Test
    void givesUpWhenNoAnswerComesInTime() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());

        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64))
                .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("within 5000 ms");
        assertThat(network.closed).isEqualTo(1);
    }

    @Test
    void aSwitchsFabricManagerEndpointGetsTheFmApiMessageType() throws IOException {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(response(request, tagOf(request), 0, 0)));

        send(network, new MctpEndpoint(1, 9, DeviceKind.CXL_SWITCH), 0x5100, new byte[0], 64);

        assertThat(network.sent.get(0).type()).isEqualTo(0x07);
        assertThat(network.sent.get(0).bytes()[0]).isEqualTo((byte) 0x07);
    }

    @Test
    void saysMctpIsNotSupportedWhereTheKernelHasNoAfMctp() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        network.socketErrno = Errno.EAFNOSUPPORT;

        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("MCTP is not supported");
        assertThat(new MctpClient(network, () -> 0, 5000).supported()).isFalse();
    }

    @Test
    void refusesAnAnswerLargerThanTheRequestAccepts() {
        FakeMctpNetwork network = new FakeMctpNetwork(
                request -> List.of(response(request, tagOf(request), 0, 0, new byte[100])));

        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64)).isInstanceOf(IOException.class)
                .hasMessageContaining("100 payload bytes");
    }

    @Test
    void anUnroutableEndpointIsAnIoFailure() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        network.sendErrno = Errno.EHOSTUNREACH;

        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64)).isInstanceOf(IOException.class)
                .hasMessageContaining("EHOSTUNREACH");
    }
}
