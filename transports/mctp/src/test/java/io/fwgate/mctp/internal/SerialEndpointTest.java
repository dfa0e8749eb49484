package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciMessage;
import io.fwgate.mctp.MctpSerialLink;

class SerialEndpointTest {
    private static final long TIMEOUT = 1_000_000_000L;
    private static final Map<String, Long> CONTROL = Map.of("mctp-type", 0L);
    private static final Map<String, Long> NVME_MI = Map.of("mctp-type", 4L);

    private final FakeEndpoint fake = new FakeEndpoint(8);
    private final List<byte[]> requests = new ArrayList<>();
    private final SerialEndpoint endpoint = new SerialEndpoint("mctp-serial", new MctpSerialLink("/dev/ttyS1", 8),
            link -> fake, fake.nanos::get, TIMEOUT);

    /** A switch's management endpoint: EID 8, lists NVMe-MI (04h) and FM API (07h) besides control. */
    private Optional<byte[]> switchEndpoint(byte[] request) {
        requests.add(request);
        if (request[0] == 0x00) {
            int instance = request[1] & 0x1f;
            return switch (request[2]) {
                case 0x02 -> Optional.of(new byte[] {0x00, (byte) instance, 0x02, 0x00, 0x08, 0x01, 0x00});
                case 0x05 -> Optional.of(new byte[] {0x00, (byte) instance, 0x05, 0x00, 0x02, 0x04, 0x07});
                default -> Optional.of(new byte[] {0x00, (byte) instance, request[2], 0x05});
            };
        }
        return Optional.empty();
    }

    @Test
    void discoveryMakesASwitchOfAnEndpointThatSpeaksTheFmApi() {
        fake.responder = this::switchEndpoint;

        endpoint.discover();

        assertThat(endpoint.info().kind()).isEqualTo(DeviceKind.CXL_SWITCH);
        assertThat(endpoint.info().id().toString()).isEqualTo("mctp-serial:/dev/ttyS1,8");
        assertThat(endpoint.info().description()).isEqualTo("MCTP endpoint 8 on serial line /dev/ttyS1: speaks"
                + " MCTP control (00h), NVMe-MI (04h), CXL FM API (07h); what is behind its ports is unknown:"
                + " MCTP endpoint 8 did not answer within 1000 ms");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsListedSoAndCallsFailClearly() {
        assertThat(endpoint.info().description()).endsWith("discovery under way");

        endpoint.discover();

        assertThat(endpoint.info().kind()).isEqualTo(DeviceKind.MCTP_ENDPOINT);
        assertThat(endpoint.info().description()).contains("does not answer MCTP discovery: MCTP endpoint 8 did not"
                + " answer within 1000 ms");
        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0001, new byte[0], Map.of(), 64)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("mctp-serial:/dev/ttyS1,8 does not answer MCTP discovery");
    }

    @Test
    void cxlCommandsGoAsFmApiMessagesToASwitch() throws Exception {
        fake.responder = request -> request[0] == 0x07
                ? Optional.of(withType(0x07, CciMessage.response(cci(request), 0, new byte[] {0x11, 0x22}).encode()))
                : switchEndpoint(request);
        endpoint.discover();

        DeviceResponse response = endpoint.send(new DeviceRequest(0x5100, new byte[0], Map.of(), 64));

        assertThat(response.status()).isZero();
        assertThat(response.payload()).containsExactly(0x11, 0x22);
    }

    @Test
    void controlCommandsReturnTheCompletionCodeAsStatusAndTheDataAfterIt() throws Exception {
        fake.responder = this::switchEndpoint;
        endpoint.discover();

        DeviceResponse types = endpoint.send(new DeviceRequest(0x0005, new byte[0], CONTROL, 64));
        DeviceResponse unsupported = endpoint.send(new DeviceRequest(0x0004, new byte[0], CONTROL, 64));

        assertThat(types.status()).isZero();
        assertThat(types.payload()).containsExactly(0x02, 0x04, 0x07);
        assertThat(unsupported.status()).isEqualTo(0x05);
        byte[] sent = requests.get(requests.size() - 1);
        assertThat(sent[1] & 0x80).as("Rq bit").isEqualTo(0x80);
        assertThat(sent[2]).isEqualTo((byte) 0x04);
    }

    @Test
    void nvmeMiCommandsCarryTheSpecsHeaderAndAnIntegrityCheck() throws Exception {
        byte[] health = {0x38, (byte) 0xff, 37, 2, 0x01, 0x00, 0x00, 0x00};
        fake.responder = request -> {
            if (request[0] != (byte) 0x84) {
                return switchEndpoint(request);
            }
            requests.add(request);
            return Optional.of(nvmeMiResponse(0x00, new byte[] {0x0a, 0x00, 0x00}, health));
        };
        endpoint.discover();
        byte[] nmd = new byte[8];
        nmd[7] = (byte) 0x80; // NMD1 bit 31: clear status

        DeviceResponse response = endpoint.send(new DeviceRequest(0x0401, nmd, NVME_MI, 8));

        byte[] sent = requests.get(requests.size() - 1);
        // type 84h, nmp: ROR 0, NMIMT 1 in bits 6:3, CSI 0; meb; rsvd; opcode 01h; rsvd[3]; NMD0; NMD1; MIC
        assertThat(Arrays.copyOfRange(sent, 0, 8)).containsExactly(0x84, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00);
        assertThat(Arrays.copyOfRange(sent, 8, 16)).containsExactly(nmd);
        assertThat(sent).hasSize(20);
        assertThat(le32(sent, 16)).isEqualTo(crc32c(sent, 16));
        assertThat(response.status()).isZero();
        assertThat(response.payload()).containsExactly(health);
        assertThat(response.fields()).containsEntry("result", 0x0aL);
    }

    @Test
    void anNvmeMiResponseWithABadIntegrityCheckIsNotBelieved() {
        fake.responder = request -> {
            if (request[0] != (byte) 0x84) {
                return switchEndpoint(request);
            }
            byte[] response = nvmeMiResponse(0x00, new byte[3], new byte[8]);
            response[response.length - 1] ^= 1;
            return Optional.of(response);
        };
        endpoint.discover();

        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0401, new byte[8], NVME_MI, 8)))
                .isInstanceOf(IOException.class).hasMessageContaining("integrity check");
    }

    @Test
    void requestsTheEndpointOrTheTransportCannotCarryAreRefused() {
        fake.responder = this::switchEndpoint;
        endpoint.discover();

        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0001, new byte[0], Map.of("mctp-type", 8L), 64)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("CXL CCI (08h)");
        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0001, new byte[0], Map.of("cdw10", 1L), 64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the transport parameter");
        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0401, new byte[0], CONTROL, 64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type << 8 | command");
        assertThatThrownBy(() -> endpoint.send(new DeviceRequest(0x0001, new byte[0], Map.of("mctp-type", 5L), 64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one fwgate speaks");
    }

    /** An NVMe-MI response as NVMe-MI 1.2 section 5 lays it out, its MIC computed here. */
    static byte[] nvmeMiResponse(int status, byte[] nmresp, byte[] data) {
        byte[] message = new byte[8 + data.length + 4];
        message[0] = (byte) 0x84;
        message[1] = (byte) (0x80 | 1 << 3);
        message[4] = (byte) status;
        System.arraycopy(nmresp, 0, message, 5, 3);
        System.arraycopy(data, 0, message, 8, data.length);
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length - 4,
                (int) crc32c(message, message.length - 4));
        return message;
    }

    static long crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static long le32(byte[] bytes, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at));
    }

    private static CciMessage cci(byte[] request) {
        try {
            return CciMessage.decode(Arrays.copyOfRange(request, 1, request.length));
        } catch (IOException e) {
            throw new AssertionError("the transport sent a malformed CCI message", e);
        }
    }

    private static byte[] withType(int type, byte[] body) {
        return FakeEndpoint.withType(type, body);
    }
}
