package io.fwgate.mctp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an MCTP message into packets of one baseline transmission unit (64 bytes) each, the last one
 * shorter: SOM on the first, EOM on the last, sequence numbers counting from 0 modulo 4, one tag.
 */
public final class Packetizer {
    private Packetizer() {
    }

    /**
     * @param destination the destination EID
     * @param source the source EID
     * @param tagOwner true for a request
     * @param tag the message tag, 0 to 7
     * @param message the message, starting with its message type byte
     * @return the packets, in sending order
     * @throws IllegalArgumentException if the message is empty
     */
    public static List<MctpPacket> packetize(int destination, int source, boolean tagOwner, int tag, byte[] message) {
        if (message.length == 0) {
            throw new IllegalArgumentException("an MCTP message has at least its message type byte");
        }
        List<MctpPacket> packets = new ArrayList<>();
        int unit = MctpPacket.BASELINE_UNIT;
        for (int offset = 0, sequence = 0; offset < message.length; offset += unit, sequence = (sequence + 1) & 3) {
            int end = Math.min(message.length, offset + unit);
            packets.add(new MctpPacket(destination, source, offset == 0, end == message.length, sequence, tagOwner,
                    tag, Arrays.copyOfRange(message, offset, end)));
        }
        return packets;
    }
}
