package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.Tunnel;
import io.fwgate.cci.TunnelHop;
import io.fwgate.platform.RefusedException;

/** A tunneled vendor opcode is judged only by the tables that speak for the tunnel's target (F4). */
class TunnelJudgeTest {
    /** A vendor-neutral table: Get Health Info 4200h, telemetry. */
    private static final String NEUTRAL = "{\"format\":1,\"vendor\":\"t\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
            + "\"commands\":[{\"name\":\"health\",\"opcode\":\"0x4200\",\"description\":\"d\",\"effects\":[],"
            + "\"level\":\"telemetry\",\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}}]}";
    /** acme declares its vendor opcode C000h telemetry, for its own devices (PCI vendor ACECh) only. */
    private static final String ACME = "{\"format\":1,\"vendor\":\"acme\",\"match\":{\"kinds\":[\"cxl-memory-device\"],"
            + "\"pci-vendor-ids\":[\"0xacec\"]},\"commands\":[{\"name\":\"acme-read\",\"opcode\":\"0xc000\","
            + "\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\",\"request\":{\"size\":0,\"fields\":[]},"
            + "\"response\":{\"max-size\":0,\"fields\":[]}}]}";
    private static final DeviceInfo MEM0 = new DeviceInfo(FakeDevice.ID, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93,
            Optional.empty(), "fake");
    private static final DeviceId BEHIND_PORT3 = new DeviceId("fake", "mem0/port3/ld0");

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FakeDevice device = new FakeDevice(0x4200, 0x0000).answering(r -> new DeviceResponse(0, new byte[0]));
    private RouterFixture fixture;

    @BeforeEach
    void assemble() {
        fixture = new RouterFixture(config, state, device, Duration.ofSeconds(5)).table(5, "test.neutral", NEUTRAL)
                .table(6, "com.acme", ACME);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Tunnel Management (5300h) to port 3, LD 0, carrying {@code opcode} with no payload. */
    private static Map<String, String> tunnelTo3(int opcode) {
        byte[] wrapped = Tunnel.wrap(List.of(TunnelHop.to(3), TunnelHop.to(0)), opcode, new byte[0]);
        return FakeDevice.args("payload", HexFormat.of().formatHex(wrapped));
    }

    @Test
    void aVendorOpcodeTunneledToAPortFwgateDoesNotKnowIsJudgedAsUnknown() {
        assertThatThrownBy(() -> fixture.call(RouterFixture.USER, "0x5300", tunnelTo3(0xc000), false))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL))
                .hasMessageContaining("tunneled 0xc000").hasMessageContaining("in no table");
        assertThat(device.commandsSent()).isEmpty();
    }

    @Test
    void aVendorOpcodeTunneledToAnotherVendorsKnownDeviceIsJudgedAsUnknown() {
        device.listing(MEM0, new DeviceInfo(BEHIND_PORT3, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 1, Optional.empty(), ""));
        assertThatThrownBy(() -> fixture.call(RouterFixture.USER, "0x5300", tunnelTo3(0xc000), false))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.neededLevel()).isEqualTo(Level.DEBUG_WRITE_FULL));
        assertThat(device.commandsSent()).isEmpty();
    }

    @Test
    void aVendorOpcodeTunneledToThatVendorsKnownDeviceIsJudgedByItsTable() throws Exception {
        device.listing(MEM0, new DeviceInfo(BEHIND_PORT3, DeviceKind.CXL_MEMORY_DEVICE, 0xacec, 1, Optional.empty(), ""));
        assertThat(fixture.call(RouterFixture.USER, "0x5300", tunnelTo3(0xc000), false).level()).isEqualTo(Level.TELEMETRY);
        assertThat(device.commandsSent()).containsExactly(Tunnel.OPCODE);
    }

    @Test
    void aStandardOpcodeTunneledToAPortFwgateDoesNotKnowIsJudgedByTheVendorNeutralTables() throws Exception {
        assertThat(fixture.call(RouterFixture.USER, "0x5300", tunnelTo3(0x4200), false).level()).isEqualTo(Level.TELEMETRY);
        assertThat(fixture.records().get(0)).containsEntry("tunnel-path", "3 -> 0").containsEntry("inner-opcode", "0x4200");
    }
}
