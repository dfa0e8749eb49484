package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.FakeMctpNetwork.Datagram;
import io.fwgate.linux.internal.sys.Errno;

class MctpClientTest {
    private static final MctpEndpoint MEMORY = new MctpEndpoint(1, 8, DeviceKind.CXL_MEMORY_DEVICE);
    private static final MctpEndpoint SWITCH = new MctpEndpoint(1, 9, DeviceKind.CXL_SWITCH);

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

        // type byte, 12-byte CCI header and 100 payload bytes, where the request accepts 64
        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64)).isInstanceOf(IOException.class)
                .hasMessageContaining("mctp:1,8 answered a message of 113 bytes, more than the 77");
    }

    @Test
    void anUnroutableEndpointIsAnIoFailure() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of());
        network.sendErrno = Errno.EHOSTUNREACH;

        assertThatThrownBy(() -> send(network, MEMORY, 0x4000, new byte[0], 64)).isInstanceOf(IOException.class)
                .hasMessageContaining("EHOSTUNREACH");
    }

    @Test
    void getMessageTypeSupportGoesAsAnMctpControlMessage() throws IOException {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(
                // a late answer to an earlier instance, then the answer: completion code 0, 2 types, 04h and 07h
                reply(request, 0x00, (byte) ((request.bytes()[1] + 1) & 0x1f), (byte) 0x05, (byte) 0x00, (byte) 0x01,
                        (byte) 0x04),
                reply(request, 0x00, (byte) (request.bytes()[1] & 0x1f), (byte) 0x05, (byte) 0x00, (byte) 0x02,
                        (byte) 0x04, (byte) 0x07)));

        DeviceResponse answer = new MctpClient(network, () -> network.nanos, 5000).send(SWITCH,
                new DeviceRequest(0x0005, new byte[0], Map.of("mctp-type", 0L), 256));

        // DSP0236: type 00h; Rq (bit 7) set, D clear, instance id in bits 4:0; command 05h
        Datagram sent = network.sent.get(0);
        assertThat(sent.bytes()).hasSize(3);
        assertThat(sent.bytes()[0]).isZero();
        assertThat(sent.bytes()[1] & 0xe0).as("Rq set, D and reserved clear").isEqualTo(0x80);
        assertThat(sent.bytes()[2]).isEqualTo((byte) 0x05);
        assertThat(sent.type()).isZero();
        assertThat(sent.tag()).as("tag owner").isEqualTo(0x08);
        assertThat(answer.status()).isZero();
        assertThat(answer.payload()).containsExactly(0x02, 0x04, 0x07);
    }

    @Test
    void theNvmeMiHealthPollCarriesTheSpecsHeaderAndIntegrityCheck() throws IOException {
        byte[] health = {0x38, 0x3f, 37, 2, 0x01, 0x00, 0x00, 0x00};
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(nvmeMiReply(request, health, false)));

        DeviceResponse answer = new MctpClient(network, () -> network.nanos, 5000).send(SWITCH,
                new DeviceRequest(0x0401, new byte[8], Map.of("mctp-type", 4L), 8));

        // NVMe-MI 1.2: type 84h (IC set); nmp: ROR 0, NMIMT 1 in bits 6:3; meb; rsvd; opcode 01h; rsvd[3];
        // NMD0; NMD1; MIC = CRC-32C of all before it, little endian
        byte[] sent = network.sent.get(0).bytes();
        assertThat(Arrays.copyOfRange(sent, 0, 8)).containsExactly(0x84, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00);
        assertThat(Arrays.copyOfRange(sent, 8, 16)).containsExactly(new byte[8]);
        assertThat(sent).hasSize(20);
        assertThat(le32(sent, 16)).isEqualTo(crc32c(sent, 16));
        assertThat(network.sent.get(0).type()).as("the address names type 04h").isEqualTo(0x04);
        assertThat(answer.status()).isZero();
        assertThat(answer.payload()).containsExactly(health);
        assertThat(answer.fields()).containsEntry("result", 0x0aL);
    }

    @Test
    void anNvmeMiAnswerThatFailsItsIntegrityCheckIsRefused() {
        FakeMctpNetwork network = new FakeMctpNetwork(request -> List.of(nvmeMiReply(request, new byte[8], true)));

        assertThatThrownBy(() -> new MctpClient(network, () -> network.nanos, 5000).send(SWITCH,
                new DeviceRequest(0x0401, new byte[8], Map.of("mctp-type", 4L), 8))).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity check");
    }

    private static Datagram reply(Datagram request, int type, byte... body) {
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = (byte) type;
        System.arraycopy(body, 0, bytes, 1, body.length);
        return new Datagram(bytes, request.network(), request.eid(), type, request.tag() & 0x07);
    }

    /** Status 0, NVMe Management Response 00000Ah, the data, and a MIC computed here (corrupted if asked). */
    private static Datagram nvmeMiReply(Datagram request, byte[] data, boolean corrupt) {
        byte[] message = new byte[8 + data.length + 4];
        message[0] = (byte) 0x84;
        message[1] = (byte) (0x80 | 1 << 3);
        message[5] = 0x0a;
        System.arraycopy(data, 0, message, 8, data.length);
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length - 4,
                (int) crc32c(message, message.length - 4) ^ (corrupt ? 1 : 0));
        return new Datagram(message, request.network(), request.eid(), 0x04, request.tag() & 0x07);
    }

    private static long crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static long le32(byte[] bytes, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at));
    }
}
