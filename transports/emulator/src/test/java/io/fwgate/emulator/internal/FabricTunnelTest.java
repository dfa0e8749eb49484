package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.TunnelFailedException;
import io.fwgate.cci.TunnelRoute;

/**
 * The LDs behind {@code emu:switch0}, reached through nested Tunnel Management Commands, and the
 * tunnel's own checks. Raw tunnel bytes are written by hand from the 5300h layout:
 * request {u8 port_or_ld_id; u8 target_type; u16 command_size; CCI message}, response
 * {u16 response_length; u16 rsvd; CCI message}, CCI header {category, tag, rsvd, command, command set,
 * 3-byte length, u16 return code, u16 vendor status}.
 */
class FabricTunnelTest {
    private static final DeviceId SWITCH = DeviceId.parse("emu:switch0");
    private static final DeviceId LD0 = DeviceId.parse("emu:switch0/port1/ld0");
    private static final DeviceId LD1 = DeviceId.parse("emu:switch0/port1/ld1");
    private static final int LIMIT = 1 << 20;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Map<String, EmulatedDevice> devices = new HashMap<>(SwitchFabric.devices("emu", nanos::get));
    private final EmulatorTransport transport = new EmulatorTransport(devices);

    private DeviceResponse call(DeviceId device, int opcode, byte[] payload, int limit) throws Exception {
        return transport.send(device, new DeviceRequest(opcode, payload, Map.of(), limit));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("|", ""));
    }

    @Test
    void theLdsAreMemoryDevicesWithTheirOwnIdentity() throws Exception {
        assertThat(transport.devices()).extracting(DeviceInfo::id).containsExactly(SWITCH, LD0, LD1);
        assertThat(transport.devices().get(2)).isEqualTo(new DeviceInfo(LD1, DeviceKind.CXL_MEMORY_DEVICE, 0x8086,
                0x0d93, Optional.of("0xc0ffee12"), "fwgate emulated CXL MLD, LD 1"));

        DeviceResponse identify = call(LD0, 0x0001, Spec.NONE, 18);

        assertThat(identify.status()).isZero();
        assertThat(identify.payload()).containsExactly(fields(18, 0, 0x8086, 2, 2, 0x0d93, 2, 4, 0x8086, 2,
                6, 0x0001, 2, 8, 0xc0ffee11L, 8, 16, 20, 1, 17, 0x03, 1));
    }

    @Test
    void healthInfoTravelsThroughTheTunnel() throws Exception {
        DeviceResponse health = call(LD1, 0x4200, Spec.NONE, 0x12);

        assertThat(health.status()).isZero();
        assertThat(health.payload()).containsExactly(Spec.health(0, 3, 38));
    }

    @Test
    void eachLdKeepsItsOwnState() throws Exception {
        byte[] sanitize = Spec.NONE;
        assertThat(call(LD0, 0x4400, sanitize, 0).status()).as("background command started").isEqualTo(0x01);

        byte[] getLsa = fields(8, 0, 0, 4, 4, 16, 4);
        assertThat(call(LD0, 0x4102, getLsa, 16).status()).as("LD 0 is sanitizing").isEqualTo(0x07);
        assertThat(call(LD1, 0x4102, getLsa, 16).status()).as("LD 1 is not").isZero();
    }

    @Test
    void theLdsReturnCodeIsTheAnswersStatus() throws Exception {
        assertThat(call(LD0, 0x4200, Spec.NONE, 4).status()).as("output above the requester's limit").isEqualTo(0x16);
        assertThat(call(LD0, 0xcafe, Spec.NONE, 0).status()).as("unsupported").isEqualTo(0x03);
    }

    @Test
    void aRawNestedTunnelIsAnsweredWithNestedResponses() throws Exception {
        // port 1, then LD 1: Get Health Info (4200h)
        byte[] request = hex("01 00 1c00 | 00 00 00 00 53 100000 0000 0000"
                + " | 01 00 0c00 | 00 2a 00 00 42 000000 0000 0000");

        DeviceResponse response = call(SWITCH, 0x5300, request, LIMIT);

        byte[] expected = new byte[4 + 12 + 4 + 12 + 0x12];
        Spec.put(expected, 0, hex("2e00 0000 | 01 00 00 00 53 220000 0000 0000"
                + " | 1e00 0000 | 01 2a 00 00 42 120000 0000 0000"));
        Spec.put(expected, 32, Spec.health(0, 3, 38));
        assertThat(response.status()).isZero();
        assertThat(response.payload()).containsExactly(expected);
    }

    @Test
    void theFmOwnedLdAnswersMldCommandsThroughOneTunnel() throws Exception {
        // port 1: Get LD Info (5400h) -> u64 memory size, u16 LD count, u8 QoS telemetry capability
        DeviceResponse info = call(SWITCH, 0x5300, hex("01 00 0c00 | 00 00 00 00 54 000000 0000 0000"), LIMIT);

        assertThat(info.payload()).containsExactly(hex("1700 0000 | 01 00 00 00 54 0b0000 0000 0000"
                + " 00000040 00000000 0200 00"));
    }

    @Test
    void ldAllocationsCanBeReadAndChangedWithinTheMldsCapacity() throws Exception {
        // Set LD Allocations: 1 LD from LD 1, range 1 = 1 unit, range 2 = 1 unit
        byte[] set = hex("01 00 2000 | 00 00 00 02 54 140000 0000 0000"
                + " | 01 01 0000 0100000000000000 0100000000000000");
        assertThat(call(SWITCH, 0x5300, set, LIMIT).payload())
                .startsWith(hex("2000 0000 | 01 00 00 02 54 140000 0000 0000"));

        // Get LD Allocations from LD 0, at most 8: LD count 2, granularity 256 MiB, start 0, 2 entries
        byte[] get = hex("01 00 0e00 | 00 00 00 01 54 020000 0000 0000 | 00 08");
        assertThat(call(SWITCH, 0x5300, get, LIMIT).payload()).containsExactly(hex("3000 0000"
                + " | 01 00 00 01 54 240000 0000 0000 | 02 00 00 02"
                + " 0200000000000000 0000000000000000 0100000000000000 0100000000000000"));

        // 3 units for LD 1 in range 1 would make 2 + 3 + 1 units of a 4-unit MLD
        byte[] tooMuch = hex("01 00 2000 | 00 00 00 02 54 140000 0000 0000"
                + " | 01 01 0000 0300000000000000 0100000000000000");
        assertThat(call(SWITCH, 0x5300, tooMuch, LIMIT).payload())
                .containsExactly(hex("0c00 0000 | 01 00 00 02 54 000000 0200 0000"));
    }

    @Test
    void malformedTunnelsAreRefusedByTheSwitch() throws Exception {
        assertThat(call(SWITCH, 0x5300, hex("01 00 0d00 | 00 00 00 01 00 000000 0000 0000"), LIMIT).status())
                .as("command size above the bytes").isEqualTo(0x16);
        assertThat(call(SWITCH, 0x5300, hex("01 00 0c00 | 00 00 00 01 00 050000 0000 0000"), LIMIT).status())
                .as("inner payload length above the bytes").isEqualTo(0x16);
        assertThat(call(SWITCH, 0x5300, hex("01 00 0800 | 00 00 00 01 00 000000"), LIMIT).status())
                .as("shorter than a CCI header").isEqualTo(0x16);
        assertThat(call(SWITCH, 0x5300, hex("01 01 0c00 | 00 00 00 01 00 000000 0000 0000"), LIMIT).status())
                .as("no LD pool CCI").isEqualTo(0x02);
        assertThat(call(SWITCH, 0x5300, hex("01 00 0c00 | 01 00 00 01 00 000000 0000 0000"), LIMIT).status())
                .as("a response inside").isEqualTo(0x02);
        assertThat(call(SWITCH, 0x5300, hex("02 00 0c00 | 00 00 00 01 00 000000 0000 0000"), LIMIT).status())
                .as("nothing on port 2").isEqualTo(0x02);
    }

    @Test
    void anLdThatDoesNotAnswerIsAnIoException() {
        DeviceId ld2 = DeviceId.parse("emu:switch0/port1/ld2");
        DeviceInfo info = new DeviceInfo(ld2, DeviceKind.CXL_MEMORY_DEVICE, -1, -1, Optional.empty(), "");
        devices.put(ld2.address(),
                new TunneledDevice(info, TunnelRoute.parse(ld2).orElseThrow(), devices.get("switch0")));
        EmulatorTransport withLd2 = new EmulatorTransport(devices);

        assertThatThrownBy(() -> withLd2.send(ld2, new DeviceRequest(0x0001, Spec.NONE, Map.of(), 18)))
                .isInstanceOf(TunnelFailedException.class)
                .hasMessage("emu:switch0 tunnel 1 -> 2: the tunnel 1 -> 2 did not reach its target: the Tunnel"
                        + " Management Command to hop 2 (2) answered return code 02h");
    }
}
