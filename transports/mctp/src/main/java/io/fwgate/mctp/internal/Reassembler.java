package io.fwgate.mctp.internal;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reassembles MCTP messages from packets (DSP0236): a message starts with SOM and ends with EOM, its
 * packets come from one source with one tag and tag owner bit, in sequence (modulo 4), and every packet
 * but the last fills a transmission unit. A packet out of sequence, a middle packet that is short, a
 * packet without a message in progress, a new SOM over an unfinished message or a message above the size
 * limit drops what was assembled; each drop is counted. Not thread-safe: one reader feeds it.
 */
public final class Reassembler {
    /**
     * One reassembled message.
     *
     * @param source the sender's EID
     * @param destination the EID it was sent to
     * @param tagOwner true if it is a request
     * @param tag its tag
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

    private record Key(int source, boolean tagOwner, int tag) {
    }

    private static final class Assembly {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int nextSequence;
    }

    private final int maxMessage;
    private final Map<Key, Assembly> assemblies = new HashMap<>();
    private long dropped;

    /**
     * @param maxMessage the largest message accepted, in bytes
     */
    public Reassembler(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** @return packets and partial messages dropped since this reassembler was made */
    public long dropped() {
        return dropped;
    }

    /**
     * @param packet the next packet received
     * @return the message it completes, if it does
     */
    public Optional<Message> accept(MctpPacket packet) {
        Key key = new Key(packet.source(), packet.tagOwner(), packet.tag());
        Assembly assembly = assemblies.get(key);
        if (packet.som()) {
            if (assembly != null) {
                dropped++;
            }
            assembly = new Assembly();
            assemblies.put(key, assembly);
        } else if (assembly == null || packet.sequence() != assembly.nextSequence) {
            return drop(key, assembly != null);
        }
        byte[] payload = packet.payload();
        boolean shortMiddle = !packet.eom() && payload.length != MctpPacket.BASELINE_UNIT;
        if (shortMiddle || assembly.bytes.size() + payload.length > maxMessage) {
            return drop(key, true);
        }
        assembly.bytes.writeBytes(payload);
        assembly.nextSequence = (packet.sequence() + 1) & 3;
        if (!packet.eom()) {
            return Optional.empty();
        }
        assemblies.remove(key);
        return Optional.of(new Message(packet.source(), packet.destination(), packet.tagOwner(), packet.tag(),
                assembly.bytes.toByteArray()));
    }

    private Optional<Message> drop(Key key, boolean inProgress) {
        if (inProgress) {
            assemblies.remove(key);
        }
        dropped++;
        return Optional.empty();
    }
}
