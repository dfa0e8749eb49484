package io.fwgate.plugin.cxlswitch;

import static io.fwgate.plugin.cxlswitch.CxlSwitchTable.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.kit.Payload;
import io.fwgate.tables.InvalidArgumentException;

/** Request payloads from arguments, compared with the CXL 3.x section 7.6.7 layouts written by hand. */
class CxlSwitchEncodeTest {
    @Test
    void bindVppbPutsTheLdIdAtOffsetFour() throws Exception {
        byte[] expected = new Payload(6).u8(0, 1).u8(1, 0).u8(2, 1).u16(4, 1).bytes();

        assertThat(encode("bind-vppb", Map.of("vcs-id", "1", "vppb-id", "0", "port-id", "1", "ld-id", "1")))
                .isEqualTo(expected);
        assertThat(encode("bind-vppb", Map.of("vcs-id", "0", "vppb-id", "1", "port-id", "2")))
                .isEqualTo(new Payload(6).u8(1, 1).u8(2, 2).u16(4, 0xffff).bytes());
    }

    @Test
    void unbindVppbTakesTheOptionByName() throws Exception {
        assertThat(encode("unbind-vppb", Map.of("vcs-id", "1", "vppb-id", "0", "option", "surprise-hot-remove")))
                .isEqualTo(new Payload(3).u8(0, 1).u8(2, 2).bytes());
        assertThatThrownBy(() -> encode("unbind-vppb", Map.of("vcs-id", "1", "vppb-id", "0", "option", "3")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void getPhysicalPortStateListsThePorts() throws Exception {
        assertThat(encode("get-physical-port-state", Map.of("port-count", "2", "port-ids", "01 02")))
                .isEqualTo(new Payload(3).u8(0, 2).u8(1, 1).u8(2, 2).bytes());
    }

    @Test
    void getVirtualSwitchInfoAsksForOneVcs() throws Exception {
        assertThat(encode("get-virtual-switch-info", Map.of("vcs-id", "1")))
                .isEqualTo(new Payload(4).u8(1, 255).u8(2, 1).u8(3, 1).bytes());
    }

    @Test
    void setLdAllocationsCarriesSixteenBytesPerLd() throws Exception {
        byte[] expected = new Payload(20).u8(0, 1).u8(1, 1).u64(4, 3).u64(12, 1).bytes();

        assertThat(encode("set-ld-allocations", Map.of("ld-count", "1", "start-ld-id", "1",
                "allocations", "0300000000000000 0100000000000000"))).isEqualTo(expected);
    }

    @Test
    void tunnelManagementCarriesAWholeMessage() throws Exception {
        byte[] expected = new Payload(16).u8(0, 1).u16(2, 12).u8(8, 0x42).bytes();

        assertThat(encode("tunnel-management", Map.of("port-or-ld-id", "1", "command-size", "12",
                "message", "00 00 00 00 42 000000 0000 0000".replace(" ", "")))).isEqualTo(expected);
    }

    private static byte[] encode(String name, Map<String, String> args) throws InvalidArgumentException {
        return command(name).request().encode(args).payload();
    }
}
