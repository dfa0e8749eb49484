package io.fwgate.cci;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One CCI message (CXL 3.x "CCI Message Format"): the 12-byte header
 * {@code { u8 category; u8 tag; u8 rsvd; u8 command; u8 command_set; u8 pl_length[3]; u16 return_code;
 * u16 vendor_ext_status; }} followed by the payload. The category is bits 3:0 of byte 0 (0 request,
 * 1 response); the payload length is 20 bits, little-endian, in bytes 5 to 7 (bits 23:20 reserved). MCTP
 * message types 07h (FM API) and 08h (CCI) carry it, and so does a Tunnel Management Command. Immutable.
 *
 * @param category {@link #REQUEST} or {@link #RESPONSE}
 * @param tag the requester's tag, echoed in the response
 * @param opcode command set &lt;&lt; 8 | command
 * @param returnCode a response's return code, 0 in a request
 * @param vendorStatus a response's vendor-specific extended status, 0 in a request
 * @param payload the payload
 */
public record CciMessage(int category, int tag, int opcode, int returnCode, int vendorStatus, byte[] payload) {
    /** Size of the header in bytes. */
    public static final int HEADER_SIZE = 12;
    /** Category of a request. */
    public static final int REQUEST = 0;
    /** Category of a response. */
    public static final int RESPONSE = 1;
    /** The largest payload the 20-bit length field can describe. */
    public static final int MAX_PAYLOAD = (1 << 20) - 1;

    /**
     * @throws NullPointerException if {@code payload} is null
     * @throws IllegalArgumentException if a field does not fit its bits (category 4, tag 8, opcode 16,
     *         return code and vendor status 16) or the payload is longer than {@link #MAX_PAYLOAD}
     */
    public CciMessage {
        payload = payload.clone();
        check("category", category, 0x0f);
        check("tag", tag, 0xff);
        check("opcode", opcode, 0xffff);
        check("return code", returnCode, 0xffff);
        check("vendor status", vendorStatus, 0xffff);
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a CCI message carries at most " + MAX_PAYLOAD + " payload bytes, not "
                    + payload.length);
        }
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(String.format("CCI %s %d does not fit 0 to %d", name, value, max));
        }
    }

    /**
     * @param tag the message tag
     * @param opcode command set &lt;&lt; 8 | command
     * @param payload the input payload
     * @return a request
     */
    public static CciMessage request(int tag, int opcode, byte[] payload) {
        return new CciMessage(REQUEST, tag, opcode, 0, 0, payload);
    }

    /**
     * @param request the request answered; its tag and opcode are echoed
     * @param returnCode the return code
     * @param payload the output payload
     * @return a response
     */
    public static CciMessage response(CciMessage request, int returnCode, byte[] payload) {
        return new CciMessage(RESPONSE, request.tag, request.opcode, returnCode, 0, payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the payload's length in bytes */
    public int payloadLength() {
        return payload.length;
    }

    /** @return true if this is a request */
    public boolean isRequest() {
        return category == REQUEST;
    }

    /** @return the message's bytes: header, then payload */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) category).put((byte) tag).put((byte) 0).put((byte) opcode).put((byte) (opcode >> 8));
        out.put((byte) payload.length).put((byte) (payload.length >> 8)).put((byte) (payload.length >> 16));
        out.putShort((short) returnCode).putShort((short) vendorStatus).put(payload);
        return out.array();
    }

    /**
     * @param bytes a whole message, nothing before or after it
     * @return the message
     * @throws CciFormatException if the bytes are shorter than the header, the category is neither request
     *         nor response, or the payload length field disagrees with the bytes that follow the header
     */
    public static CciMessage decode(byte[] bytes) throws CciFormatException {
        return decode(bytes, 0, bytes.length, "CCI message");
    }

    /**
     * Decodes the message that fills {@code bytes[offset, offset + length)}.
     *
     * @param where names the message in errors, e.g. {@code tunnel level 2 inner message}
     */
    static CciMessage decode(byte[] bytes, int offset, int length, String where) throws CciFormatException {
        if (length < HEADER_SIZE) {
            throw new CciFormatException(where + ": " + length + " bytes, shorter than the " + HEADER_SIZE
                    + "-byte CCI header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        int category = in.get(0) & 0x0f;
        if (category != REQUEST && category != RESPONSE) {
            throw new CciFormatException(where + ": category " + category + " at offset 0 is neither request (0) nor"
                    + " response (1)");
        }
        int declared = Byte.toUnsignedInt(in.get(5)) | Byte.toUnsignedInt(in.get(6)) << 8
                | (Byte.toUnsignedInt(in.get(7)) & 0x0f) << 16;
        if (declared != length - HEADER_SIZE) {
            throw new CciFormatException(where + ": payload length field (offset 5) says " + declared + " bytes, but "
                    + (length - HEADER_SIZE) + " follow the header");
        }
        return new CciMessage(category, Byte.toUnsignedInt(in.get(1)),
                Byte.toUnsignedInt(in.get(4)) << 8 | Byte.toUnsignedInt(in.get(3)), Short.toUnsignedInt(in.getShort(8)),
                Short.toUnsignedInt(in.getShort(10)), Arrays.copyOfRange(bytes, offset + HEADER_SIZE, offset + length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CciMessage m && m.category == category && m.tag == tag && m.opcode == opcode
                && m.returnCode == returnCode && m.vendorStatus == vendorStatus && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + opcode;
    }

    @Override
    public String toString() {
        return String.format("CciMessage[%s tag %d opcode %04xh rc %04xh vendor %04xh, %d payload bytes]",
                category == REQUEST ? "request" : "response", tag, opcode, returnCode, vendorStatus, payload.length);
    }
}
