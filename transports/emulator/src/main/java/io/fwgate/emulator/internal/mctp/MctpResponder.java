package io.fwgate.emulator.internal.mctp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.CciMessage;
import io.fwgate.emulator.internal.EmulatedDevice;

/**
 * What the emulated MCTP endpoint answers, message by message: MCTP control (DSP0236: Get Endpoint ID,
 * Get Message Type Support listing NVMe-MI and CXL FM API; any other command completes with
 * ERROR_UNSUPPORTED_CMD, 05h), CXL FM API messages (07h) by the emulated switch's CCI, so bindings made over
 * MCTP and over {@code emu:} are one state, and NVMe-MI (04h with integrity check) NVM Subsystem Health
 * Status Poll from {@link NvmeMiHealth}; other NVMe-MI commands answer Invalid Command Opcode (03h).
 * Responses, datagrams, messages with a bad integrity check and other message types get no answer.
 * Thread-safe if the devices are.
 */
final class MctpResponder {
    static final int CONTROL = 0x00;
    static final int NVME_MI = 0x84;
    static final int FM_API = 0x07;
    static final int GET_ENDPOINT_ID = 0x02;
    static final int GET_MESSAGE_TYPE_SUPPORT = 0x05;
    static final int ERROR_UNSUPPORTED_CMD = 0x05;
    /** Endpoint type 0 (simple endpoint) in bits 5:4, EID type 1 (static EID) in bits 1:0. */
    static final int STATIC_SIMPLE_ENDPOINT = 0x01;
    static final int NVME_MI_HEALTH_POLL = 0x01;
    static final int NVME_MI_INVALID_OPCODE = 0x03;

    private final int eid;
    private final EmulatedDevice fmApi;
    private final NvmeMiHealth health;

    /**
     * @param eid the endpoint's EID
     * @param fmApi the CCI FM API messages go to (the emulated switch)
     * @param nvme the NVMe controller of the NVM subsystem NVMe-MI reports on
     */
    MctpResponder(int eid, EmulatedDevice fmApi, EmulatedDevice nvme) {
        this.eid = eid;
        this.fmApi = fmApi;
        this.health = new NvmeMiHealth(nvme);
    }

    /**
     * @param message a message, its type byte first
     * @return the answer, its type byte first, or empty for none
     */
    Optional<byte[]> answer(byte[] message) {
        return switch (Byte.toUnsignedInt(message[0])) {
            case CONTROL -> control(message);
            case FM_API -> fmApi(message);
            case NVME_MI -> nvmeMi(message);
            default -> Optional.empty();
        };
    }

    private Optional<byte[]> control(byte[] message) {
        // byte 1: Rq (bit 7), D (bit 6, datagram: no answer), instance id; byte 2: command code
        if (message.length < 3 || (message[1] & 0x80) == 0 || (message[1] & 0x40) != 0) {
            return Optional.empty();
        }
        byte instance = (byte) (message[1] & 0x1f);
        byte command = message[2];
        return Optional.of(switch (command) {
            case GET_ENDPOINT_ID -> new byte[] {CONTROL, instance, command, 0, (byte) eid, STATIC_SIMPLE_ENDPOINT, 0};
            case GET_MESSAGE_TYPE_SUPPORT -> new byte[] {CONTROL, instance, command, 0, 2, 0x04, FM_API};
            default -> new byte[] {CONTROL, instance, command, ERROR_UNSUPPORTED_CMD};
        });
    }

    private Optional<byte[]> fmApi(byte[] message) {
        CciMessage request;
        try {
            request = CciMessage.decode(Arrays.copyOfRange(message, 1, message.length));
        } catch (CciFormatException e) {
            return Optional.empty();
        }
        if (!request.isRequest()) {
            return Optional.empty();
        }
        DeviceResponse response = fmApi.send(new DeviceRequest(request.opcode(), request.payload(), Map.of(),
                CciMessage.MAX_PAYLOAD));
        byte[] encoded = CciMessage.response(request, response.status(), response.payload()).encode();
        byte[] answer = new byte[encoded.length + 1];
        answer[0] = FM_API;
        System.arraycopy(encoded, 0, answer, 1, encoded.length);
        return Optional.of(answer);
    }

    /**
     * NVMe-MI 1.2 section 5: type 84h, nmp (ROR bit 7, NMIMT bits 6:3), meb, reserved; a request then has
     * its opcode at byte 4, a response its status at 4 and the NVMe Management Response at 5 to 7; last the
     * MIC, CRC-32C of everything before it, little endian.
     */
    private Optional<byte[]> nvmeMi(byte[] message) {
        if (message.length < 8 + 4 || !intact(message) || (message[1] & 0x80) != 0) {
            return Optional.empty();
        }
        int nmimt = (message[1] >> 3) & 0xf;
        boolean poll = nmimt == 1 && message[4] == NVME_MI_HEALTH_POLL;
        byte[] data = poll ? health.poll() : new byte[0];
        byte[] answer = new byte[8 + data.length + 4];
        answer[0] = (byte) NVME_MI;
        answer[1] = (byte) (0x80 | (message[1] & 0x7f));
        answer[4] = (byte) (poll ? 0 : NVME_MI_INVALID_OPCODE);
        System.arraycopy(data, 0, answer, 8, data.length);
        ByteBuffer.wrap(answer).order(ByteOrder.LITTLE_ENDIAN).putInt(answer.length - 4,
                (int) crc32c(answer, answer.length - 4));
        return Optional.of(answer);
    }

    private static boolean intact(byte[] message) {
        int at = message.length - 4;
        return ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getInt(at) == (int) crc32c(message, at);
    }

    private static long crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
