package io.fwgate.emulator.internal.mctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.cci.CciMessage;
import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.emulator.internal.TestDevices;

class MctpResponderTest {
    private final Map<String, EmulatedDevice> devices = TestDevices.all(() -> 0L);
    private final MctpResponder responder = new MctpResponder(8, devices.get("switch0"), devices.get("nvme0"));

    @Test
    void getEndpointIdAnswersAsDsp0236LaysItOut() {
        // type 00h; Rq set, instance 3; command 02h
        byte[] answer = responder.answer(new byte[] {0x00, (byte) 0x83, 0x02}).orElseThrow();

        // type, Rq clear with the instance, command, completion code, EID, endpoint/EID type, medium-specific
        assertThat(answer).containsExactly(0x00, 0x03, 0x02, 0x00, 0x08, 0x01, 0x00);
    }

    @Test
    void getMessageTypeSupportListsNvmeMiAndFmApi() {
        byte[] answer = responder.answer(new byte[] {0x00, (byte) 0x80, 0x05}).orElseThrow();

        assertThat(answer).containsExactly(0x00, 0x00, 0x05, 0x00, 0x02, 0x04, 0x07);
    }

    @Test
    void otherControlCommandsCompleteUnsupportedAndResponsesOrDatagramsGoUnanswered() {
        assertThat(responder.answer(new byte[] {0x00, (byte) 0x81, 0x01, 0x00, 0x09}).orElseThrow())
                .containsExactly(0x00, 0x01, 0x01, 0x05);
        assertThat(responder.answer(new byte[] {0x00, 0x01, 0x02})).isEmpty();
        assertThat(responder.answer(new byte[] {0x00, (byte) 0xc0, 0x02})).isEmpty();
        assertThat(responder.answer(new byte[] {0x7f, 0x00})).isEmpty();
    }

    @Test
    void fmApiMessagesReachTheSameSwitchAsEmu() throws Exception {
        // Unbind vPPB (5202h) of VCS 1 vPPB 0, option 1 (managed hot-remove), over MCTP
        byte[] request = CciMessage.request(5, 0x5202, new byte[] {1, 0, 1}).encode();
        byte[] message = new byte[request.length + 1];
        message[0] = 0x07;
        System.arraycopy(request, 0, message, 1, request.length);

        CciMessage answer = CciMessage.decode(Arrays.copyOfRange(responder.answer(message).orElseThrow(), 1,
                CciMessage.HEADER_SIZE + 1));

        assertThat(answer.isRequest()).isFalse();
        assertThat(answer.tag()).isEqualTo(5);
        assertThat(answer.returnCode()).isZero();
        assertThat(devices.get("switch0").send(new DeviceRequest(0x5202, new byte[] {1, 0, 1}, Map.of(), 0)).status())
                .as("emu:switch0 sees the vPPB unbound already: Invalid Input").isEqualTo(0x02);
    }

    @Test
    void aNestedTunnelReachesAnLdOfTheMldBehindTheSwitch() {
        // Identify (0001h) for LD 0, in a 5300h to LD 0 (16 bytes), in a 5300h to port 1 (32 bytes), tag 7.
        // CCI header: category, tag, rsvd, command, command set, payload length (3 bytes LE), return code,
        // vendor status; tunnel request: port or LD id, target type, u16 command size, then the CCI message
        String identify = "00 00 00 01 00 000000 0000 0000";
        String toLd = "00 00 0c00 " + identify;
        String toLdMessage = "00 00 00 00 53 100000 0000 0000 " + toLd;
        String toPort = "01 00 1c00 " + toLdMessage;
        byte[] message = HexFormat.of().parseHex(("07 00 07 00 00 53 200000 0000 0000 " + toPort).replace(" ", ""));

        byte[] answer = responder.answer(message).orElseThrow();

        // type 07h; outer response header at 1, its tunnel response header at 13 (u16 length 46), the MLD's
        // response header at 17, its tunnel response header at 29 (u16 length 30), LD 0's at 33, Identify at 45
        assertThat(answer).hasSize(45 + 18);
        assertThat(Arrays.copyOfRange(answer, 1, 3)).as("response, tag 7").containsExactly(0x01, 0x07);
        assertThat(Arrays.copyOfRange(answer, 13, 15)).containsExactly(46, 0);
        assertThat(Arrays.copyOfRange(answer, 29, 31)).containsExactly(30, 0);
        assertThat(Arrays.copyOfRange(answer, 33, 45)).as("LD 0 answered Identify with Success")
                .containsExactly(0x01, 0x00, 0x00, 0x01, 0x00, 18, 0, 0, 0, 0, 0, 0);
        assertThat(ByteBuffer.wrap(answer).order(ByteOrder.LITTLE_ENDIAN).getLong(45 + 8)).as("LD 0's serial")
                .isEqualTo(0xc0ffee11L);
        assertThat(answer[45 + 17]).as("component type: CXL type 3").isEqualTo((byte) 0x03);
    }

    @Test
    void theHealthPollReportsTheEmulatedControllersSmartState() {
        byte[] answer = responder.answer(nvmeMi(0x01)).orElseThrow();

        assertThat(answer).hasSize(8 + 8 + 4);
        assertThat(Arrays.copyOfRange(answer, 0, 8)).as("type, ROR with NMIMT 1, meb, rsvd, status 0, nmresp")
                .containsExactly(0x84, 0x88, 0, 0, 0, 0, 0, 0);
        // NSS 38h; SW 3Fh (no warning active); 310 K is 37 C; 2% used; CCS ready
        assertThat(Arrays.copyOfRange(answer, 8, 16)).containsExactly(0x38, 0x3f, 37, 2, 0x01, 0x00, 0, 0);
        assertThat(le32(answer, 16)).isEqualTo(crc32c(answer, 16));
    }

    @Test
    void otherNvmeMiOpcodesAreInvalidAndBadIntegrityChecksUnanswered() {
        assertThat(responder.answer(nvmeMi(0x00)).orElseThrow()[4]).isEqualTo((byte) 0x03);
        byte[] corrupt = nvmeMi(0x01);
        corrupt[12] ^= 1;

        assertThat(responder.answer(corrupt)).isEmpty();
    }

    @Test
    void swIsTheInvertedCriticalWarningAndCtempIsClamped() {
        byte[] hot = new byte[512];
        hot[0] = 0x02; // temperature warning
        ByteBuffer.wrap(hot).order(ByteOrder.LITTLE_ENDIAN).putShort(1, (short) 473); // 200 C
        hot[5] = (byte) 0xfe;
        byte[] cold = new byte[512];
        ByteBuffer.wrap(cold).order(ByteOrder.LITTLE_ENDIAN).putShort(1, (short) 200); // -73 C

        assertThat(NvmeMiHealth.fromSmart(hot)).containsExactly(0x38, 0x3d, 0x7f, 0xfe, 0x01, 0x00, 0, 0);
        assertThat(NvmeMiHealth.fromSmart(cold)[2]).isEqualTo((byte) 0xc4);
    }

    /** An NVMe-MI command request, NVMe-MI 1.2 section 5 offsets, NMD0 and NMD1 zero, MIC computed here. */
    private static byte[] nvmeMi(int opcode) {
        byte[] message = new byte[16 + 4];
        message[0] = (byte) 0x84;
        message[1] = 1 << 3;
        message[4] = (byte) opcode;
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(16, (int) crc32c(message, 16));
        return message;
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
