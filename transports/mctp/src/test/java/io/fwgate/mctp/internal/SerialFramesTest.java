package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * DSP0253 frames built by hand: 7Eh, revision 01h, byte count of the unescaped packet, the escaped packet,
 * FCS high, FCS low, 7Eh; the FCS over revision, byte count and unescaped packet.
 */
class SerialFramesTest {
    @Test
    void theFcsIsRfc1662sCrcWithoutFinalComplement() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

        // the catalogued check value of this CRC (CRC-16/MCRF4XX: poly 1021h reflected, init FFFFh)
        assertThat(Fcs.update(Fcs.INITIAL, check, 0, check.length)).isEqualTo(0x6f91);
        assertThat(Crc.fcs('1', '2', '3', '4', '5', '6', '7', '8', '9')).isEqualTo(0x6f91);
    }

    @Test
    void theTableAgreesWithTheBitwiseDefinition() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(70)];
            random.nextBytes(data);
            int[] ints = new int[data.length];
            for (int j = 0; j < data.length; j++) {
                ints[j] = data[j];
            }
            assertThat(Fcs.update(Fcs.INITIAL, data, 0, data.length)).isEqualTo(Crc.fcs(ints));
        }
    }

    @Test
    void framesAGetEndpointIdRequest() {
        // MCTP header: version 1, dest 8, src 9, SOM|EOM|TO tag 0; control message: type 0, Rq, command 02h
        byte[] packet = {0x01, 0x08, 0x09, (byte) 0xc8, 0x00, (byte) 0x80, 0x02};
        int fcs = Crc.fcs(0x01, 7, 0x01, 0x08, 0x09, 0xc8, 0x00, 0x80, 0x02);

        assertThat(SerialFrames.frame(packet)).containsExactly(0x7e, 0x01, 0x07, 0x01, 0x08, 0x09, 0xc8, 0x00, 0x80,
                0x02, fcs >> 8, fcs & 0xff, 0x7e);
    }

    @Test
    void flagAndEscapeBytesAreEscapedButCountedOnce() {
        byte[] packet = {0x01, 0x7e, 0x7d, (byte) 0xc8, 0x08};
        int fcs = Crc.fcs(0x01, 5, 0x01, 0x7e, 0x7d, 0xc8, 0x08);

        assertThat(SerialFrames.frame(packet)).containsExactly(0x7e, 0x01, 0x05, 0x01, 0x7d, 0x5e, 0x7d, 0x5d, 0xc8,
                0x08, fcs >> 8, fcs & 0xff, 0x7e);
    }

    @Test
    void packetsOutsideTheUnitAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SerialFrames.frame(new byte[3]));
        assertThatIllegalArgumentException().isThrownBy(() -> SerialFrames.frame(new byte[69]))
                .withMessageContaining("4 to 68 bytes, not 69");
    }
}
