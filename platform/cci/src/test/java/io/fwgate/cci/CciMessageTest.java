package io.fwgate.cci;

import static io.fwgate.cci.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The 12-byte header of CXL 3.x "CCI Message Format" (as QEMU's CXLCCIMessage and libcxlmi's
 * cxlmi_cci_msg lay it out): byte 0 category (bits 3:0), 1 tag, 2 reserved, 3 command, 4 command set,
 * 5-7 payload length (20 bits, little-endian), 8-9 return code, 10-11 vendor extended status.
 */
class CciMessageTest {
    @Test
    void requestHeaderFollowsTheSpecOffsets() {
        byte[] encoded = CciMessage.request(5, 0x4200, bytes("aabb")).encode();

        assertThat(encoded).containsExactly(bytes("00 05 00 00 42 02 00 00 0000 0000 aabb"));
    }

    @Test
    void payloadLengthIsTwentyBitsLittleEndian() {
        byte[] encoded = CciMessage.request(0, 0x0401, new byte[0x10203]).encode();

        assertThat(encoded).startsWith(bytes("00 00 00 01 04 03 02 01"));
        assertThat(encoded).hasSize(12 + 0x10203);
    }

    @Test
    void decodesAResponseWithReturnCodeAndVendorStatus() throws Exception {
        CciMessage message = CciMessage.decode(bytes("01 07 00 00 44 01 00 00 1600 3412 ff"));

        assertThat(message.isRequest()).isFalse();
        assertThat(message.tag()).isEqualTo(7);
        assertThat(message.opcode()).isEqualTo(0x4400);
        assertThat(message.returnCode()).isEqualTo(0x16);
        assertThat(message.vendorStatus()).isEqualTo(0x1234);
        assertThat(message.payload()).containsExactly(0xff);
    }

    @Test
    void reservedCategoryBitsAreIgnored() throws Exception {
        assertThat(CciMessage.decode(bytes("f1 00 00 01 00 00 00 00 0000 0000")).category())
                .isEqualTo(CciMessage.RESPONSE);
    }

    @Test
    void reservedLengthBitsAreIgnored() throws Exception {
        assertThat(CciMessage.decode(bytes("00 00 00 01 00 01 00 f0 0000 0000 aa")).payload()).containsExactly(0xaa);
    }

    @Test
    void shortBytesAreRefusedByName() {
        assertThatThrownBy(() -> CciMessage.decode(bytes("00 00 00 01 00")))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("shorter than the 12-byte CCI header");
    }

    @Test
    void aLengthFieldThatDisagreesWithTheBytesIsRefused() {
        assertThatThrownBy(() -> CciMessage.decode(bytes("00 00 00 01 00 05 00 00 0000 0000 aabb")))
                .isInstanceOf(CciFormatException.class)
                .hasMessageContaining("payload length field (offset 5) says 5 bytes, but 2 follow");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertThatThrownBy(() -> CciMessage.decode(bytes("02 00 00 01 00 00 00 00 0000 0000")))
                .isInstanceOf(CciFormatException.class).hasMessageContaining("category 2");
    }

    @Test
    void roundTripsEveryField() throws Exception {
        CciMessage message = new CciMessage(CciMessage.RESPONSE, 0xfe, 0x5300, 0x1b, 0xbeef, bytes("0102"));

        assertThat(CciMessage.decode(message.encode())).isEqualTo(message);
    }

    @Test
    void fieldsOutOfRangeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CciMessage.request(256, 1, new byte[0]))
                .withMessageContaining("tag");
        assertThatIllegalArgumentException().isThrownBy(() -> CciMessage.request(0, 0x10000, new byte[0]))
                .withMessageContaining("opcode");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CciMessage.request(0, 1, new byte[CciMessage.MAX_PAYLOAD + 1]))
                .withMessageContaining("at most 1048575");
    }

    @Test
    void aResponseEchoesTheRequestsTagAndOpcode() {
        CciMessage response = CciMessage.response(CciMessage.request(9, 0x0001, new byte[0]), 3, new byte[0]);

        assertThat(response.tag()).isEqualTo(9);
        assertThat(response.opcode()).isEqualTo(0x0001);
        assertThat(response.returnCode()).isEqualTo(3);
        assertThat(response.category()).isEqualTo(CciMessage.RESPONSE);
    }
}
