package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;

class MctpEndpointTest {
    @Test
    void readsNetworkEndpointAndKind() {
        assertThat(MctpEndpoint.parseList(" 1,8 ; 2,9:cxl-switch;")).containsExactly(
                new MctpEndpoint(1, 8, DeviceKind.MCTP_ENDPOINT), new MctpEndpoint(2, 9, DeviceKind.CXL_SWITCH));
        assertThat(new MctpEndpoint(1, 8, DeviceKind.MCTP_ENDPOINT).id()).isEqualTo(DeviceId.parse("mctp:1,8"));
        assertThat(MctpEndpoint.parseList("")).isEmpty();
    }

    @Test
    void namesTheEntryThatIsWrong() {
        assertThatThrownBy(() -> MctpEndpoint.parseList("1,8;1-9")).hasMessageContaining("'1-9'");
        assertThatThrownBy(() -> MctpEndpoint.parseList("1,255")).hasMessageContaining("8 to 254");
        assertThatThrownBy(() -> MctpEndpoint.parseList("0,8")).hasMessageContaining("network 0");
        assertThatThrownBy(() -> MctpEndpoint.parseList("1,8:toaster")).hasMessageContaining("toaster");
        assertThatThrownBy(() -> MctpEndpoint.parseList("1,8;1,8:cxl-switch")).hasMessageContaining("twice");
    }
}
