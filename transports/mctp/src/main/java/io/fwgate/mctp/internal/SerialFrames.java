package io.fwgate.mctp.internal;

import java.io.ByteArrayOutputStream;

/**
 * Frames MCTP packets for the serial binding (DSP0253): {@code 7Eh flag, revision 01h, byte count,
 * packet, FCS high, FCS low, 7Eh flag}. Inside the packet, 7Eh and 7Dh are sent as 7Dh followed by the
 * byte XOR 20h; the byte count is the unescaped packet's length; the FCS ({@link Fcs}) covers the revision,
 * the byte count and the unescaped packet, and is sent unescaped, as Linux mctp-serial and libmctp do.
 */
public final class SerialFrames {
    static final int FLAG = 0x7e;
    static final int ESCAPE = 0x7d;
    static final int ESCAPE_XOR = 0x20;
    static final int REVISION = 0x01;
    /** The largest packet a frame carries: the header and a baseline transmission unit. */
    static final int MAX_PACKET = MctpPacket.HEADER_SIZE + MctpPacket.BASELINE_UNIT;

    private SerialFrames() {
    }

    /**
     * @param packet one encoded MCTP packet
     * @return the frame to write to the serial line
     * @throws IllegalArgumentException if the packet is shorter than a header or larger than
     *         {@link #MAX_PACKET}
     */
    public static byte[] frame(byte[] packet) {
        if (packet.length < MctpPacket.HEADER_SIZE || packet.length > MAX_PACKET) {
            throw new IllegalArgumentException("a serial frame carries a packet of " + MctpPacket.HEADER_SIZE + " to "
                    + MAX_PACKET + " bytes, not " + packet.length);
        }
        int fcs = Fcs.update(Fcs.INITIAL, new byte[] {REVISION, (byte) packet.length}, 0, 2);
        fcs = Fcs.update(fcs, packet, 0, packet.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length * 2 + 6);
        out.write(FLAG);
        out.write(REVISION);
        out.write(packet.length);
        for (byte b : packet) {
            int c = b & 0xff;
            if (c == FLAG || c == ESCAPE) {
                out.write(ESCAPE);
                c ^= ESCAPE_XOR;
            }
            out.write(c);
        }
        out.write(fcs >> 8);
        out.write(fcs & 0xff);
        out.write(FLAG);
        return out.toByteArray();
    }
}
