package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The CCI message header of FACTS.md, byte by byte. */
class CciMessageTest {
    @Test
    void encodesAndDecodesTheTwelveByteHeader() {
        byte[] response = HexFormat.of().parseHex("01" + "2a" + "00" + "00" + "40" + "020000" + "0300" + "3412" + "abcd");

        CciMessage message = CciMessage.decode(response).orElseThrow();

        assertThat(message.category()).isEqualTo(CciMessage.RESPONSE);
        assertThat(message.tag()).isEqualTo(0x2a);
        assertThat(message.opcode()).isEqualTo(0x4000);
        assertThat(message.returnCode()).isEqualTo(3);
        assertThat(message.vendorStatus()).isEqualTo(0x1234);
        assertThat(message.payload()).containsExactly(0xab, 0xcd);
        assertThat(CciMessage.request(0x2a, 0x0401, new byte[] { 7 }).encode())
                .isEqualTo(HexFormat.of().parseHex("002a000104010000000000" + "00" + "07"));
    }

    @Test
    void aHeaderWhosePayloadLengthDisagreesIsNoMessage() {
        assertThat(CciMessage.decode(HexFormat.of().parseHex("012a00004003000000000000abcd"))).isEmpty();
        assertThat(CciMessage.decode(new byte[11])).isEqualTo(Optional.empty());
    }

    @Test
    void thePayloadLengthHasTwentyBits() {
        assertThatThrownBy(() -> CciMessage.request(0, 0x0401, new byte[1 << 20]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
