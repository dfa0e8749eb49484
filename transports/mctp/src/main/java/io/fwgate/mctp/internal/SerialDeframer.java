package io.fwgate.mctp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the packets in the byte stream of a serial line, however the reads split or merge frames. A frame
 * with a wrong revision, a byte count outside 4 to 68, an escape of anything but 7Eh or 7Dh, a wrong FCS or
 * no closing flag is dropped and counted; an unescaped 7Eh inside a frame starts the next frame, so one
 * corrupt frame costs no more than itself. Not thread-safe: one reader feeds it.
 */
public final class SerialDeframer {
    private enum State {
        SYNC, REVISION, LENGTH, DATA, ESCAPED, FCS_HIGH, FCS_LOW, END
    }

    private State state = State.SYNC;
    private final byte[] packet = new byte[SerialFrames.MAX_PACKET];
    private int expected;
    private int length;
    private int fcs;
    private int receivedFcs;
    private long dropped;

    /**
     * @param bytes bytes read from the line
     * @param count how many of them are valid
     * @return the packets completed by these bytes, in order
     */
    public List<byte[]> feed(byte[] bytes, int count) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accept(bytes[i] & 0xff, packets);
        }
        return packets;
    }

    /** @return frames dropped as corrupt since this deframer was made */
    public long dropped() {
        return dropped;
    }

    private void accept(int c, List<byte[]> packets) {
        switch (state) {
            case SYNC -> state = c == SerialFrames.FLAG ? State.REVISION : State.SYNC;
            case REVISION -> revision(c);
            case LENGTH -> length(c);
            case DATA -> data(c);
            case ESCAPED -> escaped(c);
            case FCS_HIGH -> {
                receivedFcs = c << 8;
                state = State.FCS_LOW;
            }
            case FCS_LOW -> {
                receivedFcs |= c;
                state = State.END;
            }
            case END -> end(c, packets);
        }
    }

    private void revision(int c) {
        if (c == SerialFrames.FLAG) {
            return; // an end flag followed by a start flag, or idle flags: still between frames
        }
        if (c != SerialFrames.REVISION) {
            drop(c);
            return;
        }
        fcs = Fcs.update(Fcs.INITIAL, new byte[] {(byte) c}, 0, 1);
        state = State.LENGTH;
    }

    private void length(int c) {
        if (c < MctpPacket.HEADER_SIZE || c > SerialFrames.MAX_PACKET) {
            drop(c);
            return;
        }
        fcs = Fcs.update(fcs, new byte[] {(byte) c}, 0, 1);
        expected = c;
        length = 0;
        state = State.DATA;
    }

    private void data(int c) {
        if (c == SerialFrames.FLAG) {
            drop(c);
        } else if (c == SerialFrames.ESCAPE) {
            state = State.ESCAPED;
        } else {
            store(c);
        }
    }

    private void escaped(int c) {
        int unescaped = c ^ SerialFrames.ESCAPE_XOR;
        if (unescaped != SerialFrames.FLAG && unescaped != SerialFrames.ESCAPE) {
            drop(c);
            return;
        }
        store(unescaped);
    }

    private void store(int c) {
        packet[length++] = (byte) c;
        state = length == expected ? State.FCS_HIGH : State.DATA;
    }

    private void end(int c, List<byte[]> packets) {
        if (c != SerialFrames.FLAG || Fcs.update(fcs, packet, 0, length) != receivedFcs) {
            drop(c);
            return;
        }
        packets.add(Arrays.copyOf(packet, length));
        // the closing flag may also open the next frame
        state = State.REVISION;
    }

    /** Counts the frame as dropped; a flag that ended it is the start of the next one. */
    private void drop(int c) {
        dropped++;
        state = c == SerialFrames.FLAG ? State.REVISION : State.SYNC;
    }
}
