package io.fwgate.mctp;

import java.util.ArrayList;
import java.util.List;

import io.fwgate.mctp.internal.MctpPacket;
import io.fwgate.mctp.internal.Packetizer;
import io.fwgate.mctp.internal.Reassembler;
import io.fwgate.mctp.internal.SerialDeframer;
import io.fwgate.mctp.internal.SerialFrames;

/**
 * Both directions of the MCTP serial binding for one end of a line: bytes read from the line become whole
 * MCTP messages (DSP0253 deframing with FCS check, DSP0236 reassembly), and messages become the frames to
 * write. Corrupt frames and broken messages are dropped and counted. Not thread-safe: one reader feeds it.
 */
public final class SerialCodec {
    /** The largest message reassembled: a 1 MiB CCI payload, its header and the type byte. */
    public static final int MAX_MESSAGE = (1 << 20) + 32;

    /**
     * One reassembled message.
     *
     * @param source the sender's EID
     * @param destination the EID it was sent to
     * @param tagOwner true for a request (the sender owns the tag)
     * @param tag the message tag, 0 to 7
     * @param body the message, starting with its message type byte
     */
    public record Message(int source, int destination, boolean tagOwner, int tag, byte[] body) {
        public Message {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    private final SerialDeframer deframer = new SerialDeframer();
    private final Reassembler reassembler = new Reassembler(MAX_MESSAGE);

    /**
     * @param bytes bytes read from the line
     * @param count how many of them are valid
     * @return the messages these bytes complete, in order
     */
    public List<Message> feed(byte[] bytes, int count) {
        List<Message> messages = new ArrayList<>();
        for (byte[] packet : deframer.feed(bytes, count)) {
            MctpPacket.decode(packet).flatMap(reassembler::accept).ifPresent(
                    m -> messages.add(new Message(m.source(), m.destination(), m.tagOwner(), m.tag(), m.body())));
        }
        return messages;
    }

    /**
     * @param destination the receiver's EID
     * @param source the sender's EID
     * @param tagOwner true for a request, false for a response (which repeats the request's tag)
     * @param tag the message tag, 0 to 7
     * @param message the message, starting with its message type byte
     * @return the frames to write, in order: one per 64-byte transmission unit
     * @throws IllegalArgumentException if the message is empty or a header field is out of range
     */
    public static List<byte[]> frames(int destination, int source, boolean tagOwner, int tag, byte[] message) {
        return Packetizer.packetize(destination, source, tagOwner, tag, message).stream()
                .map(packet -> SerialFrames.frame(packet.encode())).toList();
    }

    /** @return frames dropped as corrupt (bad FCS, escape, length, revision or no end flag) */
    public long droppedFrames() {
        return deframer.dropped();
    }

    /** @return packets and partial messages dropped by reassembly */
    public long droppedPackets() {
        return reassembler.dropped();
    }
}
