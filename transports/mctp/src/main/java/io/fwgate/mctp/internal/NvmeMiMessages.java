package io.fwgate.mctp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

import io.fwgate.api.spi.DeviceResponse;

/**
 * NVMe-MI command messages (NVMe-MI 1.2 section 5, as libnvme's {@code nvme_mi_mi_req_hdr} lays them out)
 * over MCTP message type 04h, always with the integrity check: after the type byte (84h) come
 * {@code u8 nmp (ROR bit 7, NMIMT bits 6:3 = 1 "NVMe-MI command", CSI bit 0); u8 meb; u8 rsvd;} then, in a
 * request, {@code u8 opcode; u8 rsvd[3]; le32 nmd0; le32 nmd1;} and request data, in a response
 * {@code u8 status; u8 nmresp[3];} and response data; last, the message integrity check: CRC-32C of the
 * whole message from the type byte, little endian.
 */
final class NvmeMiMessages {
    /** NMIMT 1, NVMe-MI command, in bits 6:3 of the second byte. */
    static final int NMIMT_MI_COMMAND = 1;
    static final int ROR_RESPONSE = 0x80;
    static final int MIC_SIZE = 4;
    /** The part of a request a table supplies: NMD0 and NMD1. */
    static final int MANAGEMENT_DWORDS = 8;

    private NvmeMiMessages() {
    }

    /**
     * @param opcode the NVMe-MI command opcode
     * @param payload NMD0, NMD1 and any request data, as the table encodes them
     * @return the message after its type byte, the MIC included
     * @throws IllegalArgumentException if the payload has no room for NMD0 and NMD1
     */
    static byte[] request(int opcode, byte[] payload) {
        if (payload.length < MANAGEMENT_DWORDS) {
            throw new IllegalArgumentException("an NVMe-MI command needs its 8 bytes of NMD0 and NMD1, got "
                    + payload.length);
        }
        byte[] body = new byte[7 + payload.length + MIC_SIZE];
        body[0] = (byte) (NMIMT_MI_COMMAND << 3);
        body[3] = (byte) opcode;
        System.arraycopy(payload, 0, body, 7, payload.length);
        seal(body);
        return body;
    }

    /**
     * @param body a response after its type byte
     * @param maxResponseSize the most response data the caller accepts
     * @return the status, the response data, and the NVMe Management Response as field {@code result}
     * @throws IOException if the message is short, not a response to an NVMe-MI command, fails its
     *         integrity check, or carries more data than accepted
     */
    static DeviceResponse response(byte[] body, int maxResponseSize) throws IOException {
        if (body.length < 7 + MIC_SIZE) {
            throw new IOException("NVMe-MI response of " + body.length + " bytes is shorter than its header and MIC");
        }
        if (!intact(body)) {
            throw new IOException("NVMe-MI response fails its message integrity check");
        }
        if ((body[0] & ROR_RESPONSE) == 0 || ((body[0] >> 3) & 0xf) != NMIMT_MI_COMMAND) {
            throw new IOException(String.format("NVMe-MI answer is not a response to an NVMe-MI command (nmp %02xh)",
                    body[0]));
        }
        byte[] data = Arrays.copyOfRange(body, 7, body.length - MIC_SIZE);
        if (data.length > maxResponseSize) {
            throw new IOException("NVMe-MI response carries " + data.length + " bytes, more than the "
                    + maxResponseSize + " requested");
        }
        long nmresp = Byte.toUnsignedInt(body[4]) | Byte.toUnsignedInt(body[5]) << 8
                | Byte.toUnsignedInt(body[6]) << 16;
        return new DeviceResponse(Byte.toUnsignedInt(body[3]), data, Map.of("result", nmresp));
    }

    /** Writes the MIC into the last 4 bytes of {@code body} (a message after its type byte). */
    static void seal(byte[] body) {
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length - MIC_SIZE,
                (int) mic(body, body.length - MIC_SIZE));
    }

    /** @return true if the last 4 bytes of {@code body} are the MIC of what precedes them */
    static boolean intact(byte[] body) {
        int at = body.length - MIC_SIZE;
        return at >= 0 && ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt(at) == (int) mic(body, at);
    }

    /** CRC-32C (Castagnoli: reflected, initial and final XOR FFFFFFFFh) of the type byte and the body. */
    private static long mic(byte[] body, int length) {
        CRC32C crc = new CRC32C();
        crc.update(MessageType.NVME_MI.firstByte());
        crc.update(body, 0, length);
        return crc.getValue();
    }
}
