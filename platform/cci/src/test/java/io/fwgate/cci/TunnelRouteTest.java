package io.fwgate.cci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;

class TunnelRouteTest {
    @Test
    void anLdBehindASwitchPortIsTwoHops() {
        TunnelRoute route = TunnelRoute.parse(DeviceId.parse("emu:switch0/port1/ld0")).orElseThrow();

        assertThat(route.cci()).isEqualTo(DeviceId.parse("emu:switch0"));
        assertThat(route.path()).containsExactly(TunnelHop.to(1), TunnelHop.to(0));
        assertThat(route).hasToString("emu:switch0 tunnel 1 -> 0");
    }

    @Test
    void aPortAloneIsOneHop() {
        TunnelRoute route = TunnelRoute.parse(DeviceId.parse("mctp-serial:ttyS1,8/port3")).orElseThrow();

        assertThat(route.cci()).isEqualTo(DeviceId.parse("mctp-serial:ttyS1,8"));
        assertThat(route.path()).containsExactly(TunnelHop.to(3));
    }

    @Test
    void otherAddressesNameNoRoute() {
        for (String id : List.of("emu:mem0", "emu:switch0/port", "emu:switch0/ld1", "emu:switch0/port256/ld0",
                "emu:switch0/port1/ld300", "emu:/port1")) {
            assertThat(TunnelRoute.parse(DeviceId.parse(id))).as(id).isEmpty();
        }
    }
}
