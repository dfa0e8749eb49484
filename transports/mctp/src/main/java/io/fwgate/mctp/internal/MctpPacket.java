package io.fwgate.mctp.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * One MCTP packet (DSP0236): the 4-byte transport header {@code { u8 rsvd:4, hdr_version:4; u8 dest_eid;
 * u8 src_eid; u8 som:1, eom:1, pkt_seq:2, to:1, tag:3; }} (bits listed from the most significant) and up
 * to one transmission unit of payload. The first packet of a message (SOM) starts with the message type
 * byte. Immutable.
 *
 * @param destination the destination endpoint id
 * @param source the source endpoint id
 * @param som start of message
 * @param eom end of message
 * @param sequence the packet sequence number, 0 to 3
 * @param tagOwner true if the sender owns the tag (a request)
 * @param tag the message tag, 0 to 7
 * @param payload the packet's payload
 */
public record MctpPacket(int destination, int source, boolean som, boolean eom, int sequence, boolean tagOwner, int tag,
        byte[] payload) {
    static final int HEADER_SIZE = 4;
    static final int HEADER_VERSION = 1;
    /** The baseline transmission unit: the payload every binding carries. */
    static final int BASELINE_UNIT = 64;

    public MctpPacket {
        payload = payload.clone();
        if (sequence < 0 || sequence > 3 || tag < 0 || tag > 7 || (destination & ~0xff) != 0
                || (source & ~0xff) != 0) {
            throw new IllegalArgumentException("MCTP header field out of range: sequence " + sequence + ", tag " + tag
                    + ", EIDs " + destination + " and " + source);
        }
        if (payload.length > BASELINE_UNIT) {
            throw new IllegalArgumentException("an MCTP packet carries at most " + BASELINE_UNIT
                    + " payload bytes here, not " + payload.length);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the packet as a frame carries it: header, then payload */
    public byte[] encode() {
        byte[] out = new byte[HEADER_SIZE + payload.length];
        out[0] = HEADER_VERSION;
        out[1] = (byte) destination;
        out[2] = (byte) source;
        out[3] = (byte) ((som ? 0x80 : 0) | (eom ? 0x40 : 0) | sequence << 4 | (tagOwner ? 0x08 : 0) | tag);
        System.arraycopy(payload, 0, out, HEADER_SIZE, payload.length);
        return out;
    }

    /**
     * @param bytes a packet as the binding delivered it
     * @return the packet, or empty if it is shorter than the header, of another header version, or larger
     *         than a transmission unit
     */
    public static Optional<MctpPacket> decode(byte[] bytes) {
        if (bytes.length < HEADER_SIZE || bytes.length > HEADER_SIZE + BASELINE_UNIT
                || (bytes[0] & 0x0f) != HEADER_VERSION) {
            return Optional.empty();
        }
        int flags = Byte.toUnsignedInt(bytes[3]);
        return Optional.of(new MctpPacket(Byte.toUnsignedInt(bytes[1]), Byte.toUnsignedInt(bytes[2]),
                (flags & 0x80) != 0, (flags & 0x40) != 0, (flags >> 4) & 3, (flags & 0x08) != 0, flags & 7,
                Arrays.copyOfRange(bytes, HEADER_SIZE, bytes.length)));
    }
}
