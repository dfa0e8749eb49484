package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SerialDeframerTest {
    private static final byte[] FIRST = {0x01, 0x08, 0x09, (byte) 0xc8, 0x00, (byte) 0x80, 0x02};
    private static final byte[] SECOND = {0x01, 0x09, 0x08, (byte) 0xc0, 0x7e, 0x7d, 0x00};

    private final SerialDeframer deframer = new SerialDeframer();

    /** The frame of FIRST written by hand, as SerialFramesTest checks it. */
    private static byte[] firstFrame() {
        int fcs = Crc.fcs(0x01, 7, 0x01, 0x08, 0x09, 0xc8, 0x00, 0x80, 0x02);
        return new byte[] {0x7e, 0x01, 0x07, 0x01, 0x08, 0x09, (byte) 0xc8, 0x00, (byte) 0x80, 0x02, (byte) (fcs >> 8),
                (byte) fcs, 0x7e};
    }

    private List<byte[]> feedInChunks(byte[] stream, int chunk) {
        List<byte[]> packets = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(stream, offset, Math.min(stream.length, offset + chunk));
            packets.addAll(deframer.feed(part, part.length));
        }
        return packets;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aFrameSplitAcrossOneByteReadsIsFound() {
        assertThat(feedInChunks(firstFrame(), 1)).containsExactly(FIRST);
        assertThat(deframer.dropped()).isZero();
    }

    @Test
    void framesMergedInOneReadAreAllFound() {
        byte[] stream = concat(firstFrame(), SerialFrames.frame(SECOND), firstFrame());

        assertThat(feedInChunks(stream, stream.length)).containsExactly(FIRST, SECOND, FIRST);
    }

    @Test
    void aClosingFlagMayOpenTheNextFrame() {
        byte[] second = SerialFrames.frame(SECOND);
        byte[] stream = concat(firstFrame(), java.util.Arrays.copyOfRange(second, 1, second.length));

        assertThat(feedInChunks(stream, 5)).containsExactly(FIRST, SECOND);
    }

    @Test
    void escapedBytesAreRestored() {
        assertThat(feedInChunks(SerialFrames.frame(SECOND), 3)).containsExactly(SECOND);
    }

    @Test
    void aFrameWithAWrongFcsIsDroppedAndCountedAndTheNextStillArrives() {
        byte[] corrupt = firstFrame();
        corrupt[7] ^= 0x01;

        assertThat(feedInChunks(concat(corrupt, firstFrame()), 4)).containsExactly(FIRST);
        assertThat(deframer.dropped()).isEqualTo(1);
    }

    @Test
    void aTruncatedFrameIsDroppedWhenTheNextFlagArrives() {
        byte[] truncated = java.util.Arrays.copyOf(firstFrame(), 8);

        assertThat(feedInChunks(concat(truncated, firstFrame()), 64)).containsExactly(FIRST);
        assertThat(deframer.dropped()).isEqualTo(1);
    }

    @Test
    void badRevisionsLengthsAndEscapesAreDroppedAndCounted() {
        byte[] badRevision = firstFrame();
        badRevision[1] = 0x02;
        byte[] badLength = firstFrame();
        badLength[2] = 0x03;
        byte[] badEscape = {0x7e, 0x01, 0x05, 0x01, 0x7d, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7e};

        assertThat(feedInChunks(concat(badRevision, badLength, badEscape, firstFrame()), 7)).containsExactly(FIRST);
        assertThat(deframer.dropped()).isEqualTo(3);
    }

    @Test
    void noiseBetweenFramesIsSkipped() {
        byte[] stream = concat(new byte[] {0x11, 0x22, 0x7e, 0x7e}, firstFrame());

        assertThat(feedInChunks(stream, 2)).containsExactly(FIRST);
    }
}
