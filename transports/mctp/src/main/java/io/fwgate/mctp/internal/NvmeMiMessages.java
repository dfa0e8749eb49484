package io.fwgate.mctp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.mctp.MctpExchange;

/**
 * NVMe-MI command messages (NVMe-MI 1.2 section 5, as libnvme's {@code nvme_mi_mi_req_hdr} lays them out)
 * over MCTP message type 04h, always with the integrity check: the type byte (84h), then
 * {@code u8 nmp (ROR bit 7, NMIMT bits 6:3 = 1 "NVMe-MI command", CSI bit 0); u8 meb; u8 rsvd;} then, in a
 * request, {@code u8 opcode; u8 rsvd[3]; le32 nmd0; le32 nmd1;} and request data, in a response
 * {@code u8 status; u8 nmresp[3];} and response data; last, the message integrity check: CRC-32C of the
 * whole message from the type byte, little endian. NVMe-MI messages carry no id of their own: the binding's
 * MCTP tag matches the answer to its request. Stateless.
 */
public final class NvmeMiMessages {
    /** NMIMT 1, NVMe-MI command, in bits 6:3 of the second byte. */
    static final int NMIMT_MI_COMMAND = 1;
    static final int ROR_RESPONSE = 0x80;
    static final int MIC_SIZE = 4;
    /** The part of a request a table supplies: NMD0 and NMD1. */
    static final int MANAGEMENT_DWORDS = 8;
    /** Type byte, nmp, meb, reserved, opcode or status, three reserved or NVMe Management Response bytes. */
    private static final int HEADER = 8;

    private NvmeMiMessages() {
    }

    /**
     * @param exchange the binding's way to the endpoint
     * @param opcode the NVMe-MI command opcode
     * @param request NMD0, NMD1 and any request data, as the table encodes them, and the most response data
     *        accepted
     * @return the status, the response data, and the NVMe Management Response as field {@code result}
     * @throws IllegalArgumentException if the payload has no room for NMD0 and NMD1
     * @throws IOException if no answer came, or it is malformed, fails its integrity check, or carries more data
     *         than accepted
     */
    public static DeviceResponse send(MctpExchange exchange, int opcode, DeviceRequest request) throws IOException {
        byte[] message = request(opcode, request.payload());
        int maxAnswer = HEADER + request.maxResponseSize() + MIC_SIZE;
        return response(exchange.exchange(message, maxAnswer, NvmeMiMessages::answers), request.maxResponseSize());
    }

    /**
     * @param opcode the NVMe-MI command opcode
     * @param payload NMD0, NMD1 and any request data
     * @return the whole message, type byte first and MIC last
     * @throws IllegalArgumentException if the payload has no room for NMD0 and NMD1
     */
    static byte[] request(int opcode, byte[] payload) {
        if (payload.length < MANAGEMENT_DWORDS) {
            throw new IllegalArgumentException("an NVMe-MI command needs its 8 bytes of NMD0 and NMD1, got "
                    + payload.length);
        }
        byte[] message = new byte[HEADER + payload.length + MIC_SIZE];
        message[0] = (byte) MessageType.NVME_MI.firstByte();
        message[1] = (byte) (NMIMT_MI_COMMAND << 3);
        message[4] = (byte) opcode;
        System.arraycopy(payload, 0, message, HEADER, payload.length);
        seal(message);
        return message;
    }

    /** @return true if {@code message} is an NVMe-MI response (ROR set), well formed or not */
    static boolean answers(byte[] message) {
        return message.length >= 2 && MessageType.NVME_MI.carries(message) && (message[1] & ROR_RESPONSE) != 0;
    }

    /**
     * @param message a response, type byte first
     * @param maxResponseSize the most response data the caller accepts
     * @return the status, the response data, and the NVMe Management Response as field {@code result}
     * @throws IOException if the message is short, has no integrity check or fails it, is not a response to an
     *         NVMe-MI command, or carries more data than accepted
     */
    static DeviceResponse response(byte[] message, int maxResponseSize) throws IOException {
        if (message.length < HEADER + MIC_SIZE) {
            throw new IOException("NVMe-MI response of " + message.length
                    + " bytes is shorter than its header and MIC");
        }
        if (Byte.toUnsignedInt(message[0]) != MessageType.NVME_MI.firstByte() || !intact(message)) {
            throw new IOException("NVMe-MI response fails its message integrity check");
        }
        if ((message[1] & ROR_RESPONSE) == 0 || ((message[1] >> 3) & 0xf) != NMIMT_MI_COMMAND) {
            throw new IOException(String.format("NVMe-MI answer is not a response to an NVMe-MI command (nmp %02xh)",
                    message[1]));
        }
        byte[] data = Arrays.copyOfRange(message, HEADER, message.length - MIC_SIZE);
        if (data.length > maxResponseSize) {
            throw new IOException("NVMe-MI response carries " + data.length + " bytes, more than the "
                    + maxResponseSize + " requested");
        }
        long nmresp = Byte.toUnsignedInt(message[5]) | Byte.toUnsignedInt(message[6]) << 8
                | Byte.toUnsignedInt(message[7]) << 16;
        return new DeviceResponse(Byte.toUnsignedInt(message[4]), data, Map.of("result", nmresp));
    }

    /** Writes the MIC into the last 4 bytes of {@code message}. */
    static void seal(byte[] message) {
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length - MIC_SIZE,
                (int) mic(message, message.length - MIC_SIZE));
    }

    /** @return true if the last 4 bytes of {@code message} are the MIC of what precedes them */
    static boolean intact(byte[] message) {
        int at = message.length - MIC_SIZE;
        return at >= 0 && ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getInt(at) == (int) mic(message, at);
    }

    /** CRC-32C (Castagnoli: reflected, initial and final XOR FFFFFFFFh) of the first {@code length} bytes. */
    private static long mic(byte[] message, int length) {
        CRC32C crc = new CRC32C();
        crc.update(message, 0, length);
        return crc.getValue();
    }
}
