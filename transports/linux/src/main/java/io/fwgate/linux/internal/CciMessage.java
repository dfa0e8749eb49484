package io.fwgate.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CXL CCI message that MCTP message types 07h (FM API) and 08h (CCI) carry: a 12-byte header
 * {@code { u8 category; u8 tag; u8 rsvd; u8 command; u8 command_set; u8 pl_length[3]; u16 return_code;
 * u16 vendor_ext_status; }} and the payload. The category's low nibble is 0 for a request, 1 for a
 * response; the payload length is 20 bits, little-endian. Immutable.
 *
 * @param category 0 request, 1 response
 * @param tag the requester's message tag, echoed in the response
 * @param opcode command set << 8 | command
 * @param returnCode the response's return code
 * @param vendorStatus the response's vendor-specific extended status
 * @param payload the payload
 */
record CciMessage(int category, int tag, int opcode, int returnCode, int vendorStatus, byte[] payload) {
    static final int HEADER = 12;
    static final int REQUEST = 0;
    static final int RESPONSE = 1;
    /** The payload length field has 20 bits. */
    static final int MAX_PAYLOAD = (1 << 20) - 1;

    /**
     * @throws IllegalArgumentException if the payload does not fit the 20-bit length field
     */
    CciMessage {
        payload = payload.clone();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a CCI message carries at most " + MAX_PAYLOAD + " payload bytes, not "
                    + payload.length);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * @param tag the message tag
     * @param opcode command set << 8 | command
     * @param payload the input payload
     * @return a request message
     */
    static CciMessage request(int tag, int opcode, byte[] payload) {
        return new CciMessage(REQUEST, tag, opcode, 0, 0, payload);
    }

    /** @return the message's bytes: header, then payload */
    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) category).put((byte) tag).put((byte) 0).put((byte) opcode).put((byte) (opcode >> 8));
        out.put((byte) payload.length).put((byte) (payload.length >> 8)).put((byte) ((payload.length >> 16) & 0x0f));
        out.putShort((short) returnCode).putShort((short) vendorStatus).put(payload);
        return out.array();
    }

    /**
     * @param bytes a received message, without the MCTP message type byte
     * @return the message, or empty if the bytes are not a whole CCI message (too short, or a payload
     *         length other than what arrived)
     */
    static Optional<CciMessage> decode(byte[] bytes) {
        if (bytes.length < HEADER) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = Byte.toUnsignedInt(in.get(5)) | Byte.toUnsignedInt(in.get(6)) << 8
                | (Byte.toUnsignedInt(in.get(7)) & 0x0f) << 16;
        if (length != bytes.length - HEADER) {
            return Optional.empty();
        }
        return Optional.of(new CciMessage(in.get(0) & 0x0f, Byte.toUnsignedInt(in.get(1)),
                Byte.toUnsignedInt(in.get(4)) << 8 | Byte.toUnsignedInt(in.get(3)), Short.toUnsignedInt(in.getShort(8)),
                Short.toUnsignedInt(in.getShort(10)), Arrays.copyOfRange(bytes, HEADER, bytes.length)));
    }
}
