package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Spec.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * The switch CCI of {@code emu:switch0}, answers checked byte by byte against the layouts of CXL 3.x
 * section 7.6.7 (Identify Switch Device 49h bytes, Port Information Blocks of 16 bytes, VCS info blocks
 * with 4-byte vPPB entries, Bind vPPB 6 bytes, Unbind vPPB 3 bytes) as libcxlmi and QEMU lay them out.
 */
class SwitchCommandsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final EmulatedDevice cxlSwitch = SwitchFabric.devices("emu", nanos::get).get("switch0");

    private DeviceResponse call(int opcode, String hex) {
        return cxlSwitch.send(new DeviceRequest(opcode, HexFormat.of().parseHex(hex.replace(" ", "")), Map.of(),
                1 << 20));
    }

    @Test
    void reportsItselfAsASwitch() {
        assertThat(cxlSwitch.info().id()).isEqualTo(DeviceId.parse("emu:switch0"));
        assertThat(cxlSwitch.info().kind().id()).isEqualTo("cxl-switch");
        // Identify: vendor, device, subsystem ids 0 (none for a switch), serial, 2^20 messages, type 00h
        assertThat(call(0x0001, "").payload()).containsExactly(fields(18, 0, 0x8086, 2, 2, 0x0d92, 2,
                8, 0xc0ffee50L, 8, 16, 20, 1, 17, 0x00, 1));
    }

    @Test
    void identifySwitchDevice() {
        byte[] expected = fields(0x49,
                2, 4, 1, // four physical ports
                3, 2, 1, // two VCSs
                4, 0x0f, 1, // ports 0 to 3 active
                0x24, 0x03, 1, // VCS 0 and 1 active
                0x44, 4, 2, // four vPPBs in all
                0x46, 2, 2, // two bound (LD 0 to VCS 0, LD 1 to VCS 1)
                0x48, 4, 1); // HDM decoders per USP

        assertThat(call(0x5100, "").payload()).containsExactly(expected);
    }

    @Test
    void physicalPortStateOfTheMldPortAndTheEmptyPort() {
        byte[] expected = fields(4 + 32, 0, 2, 1,
                // port 1: DSP (3), CXL 2.0 device, MLD (5), x16 of x16, 32 GT/s, L0, 16 LDs supported
                4, 1, 1, 5, 3, 1, 6, 2, 1, 8, 5, 1, 9, 2, 1, 10, 16, 1, 11, 16, 1, 12, 0x1f, 1, 13, 5, 1, 14, 5, 1,
                15, 4, 1, 19, 16, 1,
                // port 2: DSP with nothing connected, link down, Detect
                20, 2, 1, 21, 3, 1, 25, 2, 1, 26, 16, 1, 28, 0x1f, 1, 29, 5, 1, 35, 16, 1);

        DeviceResponse response = call(0x5101, "02 01 02");

        assertThat(response.status()).isZero();
        assertThat(response.payload()).containsExactly(expected);
    }

    @Test
    void physicalPortStateRefusesUnknownPortsAndBadLengths() {
        assertThat(call(0x5101, "01 09").status()).isEqualTo(0x02);
        assertThat(call(0x5101, "02 01").status()).isEqualTo(0x16);
        assertThat(call(0x5101, "").status()).isEqualTo(0x16);
    }

    @Test
    void virtualSwitchInfoShowsBothHostsBindings() {
        // start vPPB 0, limit 4, two VCSs: 0 and 1
        DeviceResponse response = call(0x5200, "00 04 02 00 01");

        assertThat(response.payload()).containsExactly(HexFormat.of().parseHex(
                "02000000" + "00010002" + "030100" + "00" + "00" + "00ff00" + "01010302" + "030101" + "00" + "00"
                        + "00ff00"));
    }

    @Test
    void virtualSwitchInfoHonoursStartAndLimit() {
        assertThat(call(0x5200, "01 01 01 01").payload())
                .containsExactly(HexFormat.of().parseHex("01000000" + "01010302" + "0000ff00"));
        assertThat(call(0x5200, "00 00 01 00").status()).isEqualTo(0x02);
        assertThat(call(0x5200, "00 01 01 07").status()).isEqualTo(0x02);
        assertThat(call(0x5200, "00 01 02 00").status()).isEqualTo(0x16);
    }

    @Test
    void unbindingTheOtherHostsLdAndBindingItHere() {
        // unbind VCS 1 vPPB 0 (LD 1, the other host's memory), simulating a managed hot-remove
        assertThat(call(0x5202, "01 00 01").status()).isZero();
        // bind VCS 0 vPPB 1 to port 1 LD 1
        assertThat(call(0x5201, "00 01 01 00 0100").status()).isZero();

        assertThat(call(0x5200, "00 02 01 00").payload()).containsExactly(HexFormat.of().parseHex(
                "01000000" + "00010002" + "03010000" + "03010100"));
        assertThat(call(0x5100, "").payload()[0x46]).isEqualTo((byte) 2);
    }

    @Test
    void bindRefusesWhatCannotBeBound() {
        assertThat(call(0x5201, "00 01 01 00 0000").status()).as("LD 0 is bound to VCS 0 already").isEqualTo(0x02);
        assertThat(call(0x5201, "00 00 01 00 0100").status()).as("vPPB 0 is bound").isEqualTo(0x02);
        assertThat(call(0x5201, "00 01 02 00 ffff").status()).as("port 2 is empty").isEqualTo(0x02);
        assertThat(call(0x5201, "00 01 01 00 0200").status()).as("the MLD has LDs 0 and 1").isEqualTo(0x02);
        assertThat(call(0x5201, "05 00 01 00 0100").status()).as("no VCS 5").isEqualTo(0x02);
        assertThat(call(0x5201, "00 01 01 00").status()).isEqualTo(0x16);
    }

    @Test
    void unbindRefusesWhatIsNotBoundAndUnknownOptions() {
        assertThat(call(0x5202, "00 01 00").status()).as("vPPB 1 is unbound").isEqualTo(0x02);
        assertThat(call(0x5202, "00 00 03").status()).as("option 3 is reserved").isEqualTo(0x02);
        assertThat(call(0x5202, "00 00").status()).isEqualTo(0x16);
        assertThat(call(0x5200, "00 01 01 00").payload()).endsWith(HexFormat.of().parseHex("03010000"));
    }

    @Test
    void theCelSaysBindAndUnbindChangeConfigurationAndTheRestChangeNothing() {
        // Get Log of the CEL (UUID, offset 0, length 4 per entry): {le16 opcode, le16 effect}
        byte[] getLog = new byte[0x18];
        Spec.put(getLog, 0, Spec.uuid(Spec.CEL_UUID));
        Spec.le(getLog, 0x14, 9 * 4, 4);

        DeviceResponse cel = cxlSwitch.send(new DeviceRequest(0x0401, getLog, Map.of(), 1 << 20));

        assertThat(cel.payload()).containsExactly(fields(9 * 4,
                0, 0x0001, 2, 2, 0x0200, 2, 4, 0x0002, 2, 6, 0x0200, 2,
                8, 0x0400, 2, 10, 0x0200, 2, 12, 0x0401, 2, 14, 0x0200, 2,
                16, 0x5100, 2, 18, 0x0200, 2, 20, 0x5101, 2, 22, 0x0200, 2,
                24, 0x5200, 2, 26, 0x0200, 2, 28, 0x5201, 2, 30, 0x0202, 2,
                32, 0x5202, 2, 34, 0x0202, 2));
    }

    @Test
    void theCelAlsoListsTheTunnelWithoutEffectsOfItsOwn() {
        byte[] getLog = new byte[0x18];
        Spec.put(getLog, 0, Spec.uuid(Spec.CEL_UUID));
        Spec.le(getLog, 0x10, 9 * 4, 4);
        Spec.le(getLog, 0x14, 4, 4);

        assertThat(cxlSwitch.send(new DeviceRequest(0x0401, getLog, Map.of(), 4)).payload())
                .containsExactly(fields(4, 0, 0x5300, 2, 2, 0x0200, 2));
    }
}
