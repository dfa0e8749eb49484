package io.fwgate.emulator.internal.mctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.emulator.internal.TestDevices;
import io.fwgate.mctp.SerialLine;

/**
 * The endpoint over a real pseudo-terminal: the test is the requester on the slave side and frames its
 * requests itself, byte by byte as DSP0253 and DSP0236 lay them out.
 */
class MctpPtyEndpointTest {
    private static final long WAIT_NANOS = 10_000_000_000L;

    private MctpPtyEndpoint endpoint;
    private SerialLine requester;

    @BeforeEach
    void start() throws Exception {
        Map<String, EmulatedDevice> devices = TestDevices.all(System::nanoTime);
        endpoint = MctpPtyEndpoint.onPseudoterminal(8, devices.get("switch0"), devices.get("nvme0"));
        endpoint.start();
        requester = SerialLine.open(endpoint.path(), 115200);
    }

    @AfterEach
    void stop() throws Exception {
        requester.close();
        endpoint.close();
    }

    /** A Get Endpoint ID request from the null EID to EID 8: SOM, EOM, tag owner, tag 2, instance 1. */
    private static byte[] getEndpointIdFrame() {
        byte[] packet = {0x01, 0x08, 0x00, (byte) 0xca, 0x00, (byte) 0x81, 0x02};
        return frame(packet);
    }

    @Test
    void aRequestFramedByHandIsAnswered() throws Exception {
        requester.write(getEndpointIdFrame());

        assertThat(readFrame()).containsExactly(frame(new byte[] {0x01, 0x00, 0x08, (byte) 0xc2, 0x00, 0x01, 0x02,
                0x00, 0x08, 0x01, 0x00}));
    }

    @Test
    void aCorruptFrameIsDroppedAndCountedAndTheNextOneAnswered() throws Exception {
        byte[] corrupt = getEndpointIdFrame();
        corrupt[corrupt.length - 2] ^= 0x01; // FCS low byte

        requester.write(corrupt);
        requester.write(getEndpointIdFrame());

        assertThat(readFrame()[9]).as("the answer's command code").isEqualTo((byte) 0x02);
        assertThat(endpoint.droppedFrames()).isEqualTo(1);
    }

    @Test
    void aFrameSplitAcrossWritesIsAnswered() throws Exception {
        byte[] frame = getEndpointIdFrame();

        requester.write(Arrays.copyOfRange(frame, 0, 5));
        requester.write(Arrays.copyOfRange(frame, 5, frame.length));

        assertThat(readFrame()[9]).isEqualTo((byte) 0x02);
        assertThat(endpoint.droppedFrames()).isZero();
    }

    /** Reads one whole frame: from a 7Eh flag to the next 7Eh after at least the revision and length. */
    private byte[] readFrame() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] buffer = new byte[1];
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (requester.read(buffer, deadline - System.nanoTime()) == 0) {
                continue;
            }
            boolean flag = buffer[0] == 0x7e;
            if (frame.size() == 0 && !flag) {
                continue;
            }
            frame.write(buffer[0]);
            if (flag && frame.size() > 3) {
                return frame.toByteArray();
            }
        }
        throw new AssertionError("no answer from the endpoint");
    }

    /** DSP0253: 7Eh, revision 01h, byte count, the packet escaped (7Eh, 7Dh), FCS-16 high and low, 7Eh. */
    static byte[] frame(byte[] packet) {
        int fcs = 0xffff;
        byte[] covered = new byte[packet.length + 2];
        covered[0] = 0x01;
        covered[1] = (byte) packet.length;
        System.arraycopy(packet, 0, covered, 2, packet.length);
        for (byte b : covered) {
            fcs ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7e);
        out.write(0x01);
        out.write(packet.length);
        for (byte b : packet) {
            if (b == 0x7e || b == 0x7d) {
                out.write(0x7d);
                out.write(b ^ 0x20);
            } else {
                out.write(b);
            }
        }
        out.write(fcs >> 8);
        out.write(fcs & 0xff);
        out.write(0x7e);
        return out.toByteArray();
    }
}
