package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;

class CxlMailboxTest {
    private static final DeviceId MEM0 = new DeviceId("cxl", "mem0");
    private static final String NODE = "/dev/cxl/mem0";
    private static final int PAYLOAD_MAX = 2048;
    private static final byte[] HEALTH = HexFormat.of().parseHex("000000032600000000000000000000000000");

    private FakeCxlDriver driver = driver(Set.of(1, 3, 4, 5, 7, 8, 10), false);
    private FakeKernel kernel = new FakeKernel(driver);

    private static FakeCxlDriver driver(Set<Integer> enabled, boolean raw) {
        return new FakeCxlDriver(FakeCxlDriver.debian61(), enabled, Set.of(), raw,
                opcode -> new FakeCxlDriver.Answer(0, opcode == 0x4200 ? HEALTH : new byte[] { 1, 2, 3, 4 }));
    }

    private DeviceResponse send(int opcode, byte[] payload, int maxResponse) throws Exception {
        return new CxlMailbox(kernel).send(MEM0, NODE, PAYLOAD_MAX, new DeviceRequest(opcode, payload, Map.of(), maxResponse));
    }

    @Test
    void sendsAnOpcodeUnderTheRunningKernelsFixedCommandId() throws Exception {
        DeviceResponse response = send(0x4200, new byte[0], 18);

        assertThat(driver.ids).containsExactly(7);
        assertThat(driver.sent).singleElement().satisfies(sent -> assertThat(sent.opcode()).isEqualTo(0x4200));
        assertThat(response.status()).isZero();
        assertThat(response.payload()).isEqualTo(HEALTH);
        assertThat(kernel.opened).containsExactly(NODE);
        assertThat(kernel.closed).isEqualTo(1);
    }

    @Test
    void givesTheKernelRoomForAFixedCommandsWholeOutputEvenWhenTheCallerAcceptsLess() throws Exception {
        send(0x4000, new byte[0], 0x10);

        assertThat(driver.sent.get(0).outRoom()).isEqualTo(0x43);
    }

    @Test
    void boundsVariableOutputByTheDevicesMailboxSize() throws Exception {
        send(0x0400, new byte[0], 1 << 20);

        assertThat(driver.sent.get(0).outRoom()).isEqualTo(PAYLOAD_MAX);
    }

    @Test
    void passesTheInputPayloadUnchanged() throws Exception {
        byte[] getLog = HexFormat.of().parseHex("0da9c0b5bf414b788f7996b1623b3f17" + "00000000" + "00040000");

        send(0x0401, getLog, 1024);

        assertThat(driver.sent.get(0).input()).isEqualTo(getLog);
    }

    @Test
    void refusesAnInputSizeTheKernelsCommandDoesNotTakeWithoutAsking() {
        assertThatThrownBy(() -> send(0x0401, new byte[3], 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Get Log").hasMessageContaining("takes exactly 24 input bytes");
        assertThat(driver.ids).isEmpty();
    }

    @Test
    void reportsTheDevicesReturnCodeAsStatusNotAsAnException() throws Exception {
        driver = new FakeCxlDriver(FakeCxlDriver.debian61(), Set.of(7), Set.of(), false,
                opcode -> new FakeCxlDriver.Answer(0x16, new byte[0]));
        kernel = new FakeKernel(driver);

        DeviceResponse response = send(0x4200, new byte[0], 18);

        assertThat(response.status()).isEqualTo(0x16);
        assertThat(response.payload()).isEmpty();
    }

    @Test
    void sendsAnOpcodeWithoutFixedCommandAsRawAndExplainsAStockKernelsRefusal() {
        assertThatThrownBy(() -> send(0x0300, new byte[0], 8)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("opcode 0300h has no fixed command in this kernel")
                .hasMessageContaining("does not allow raw CXL commands")
                .hasMessageContaining("CONFIG_CXL_MEM_RAW_COMMANDS");
        assertThat(driver.ids).containsExactly(FakeCxlDriver.RAW);
    }

    @Test
    void sendsRawWhereTheKernelAllowsIt() throws Exception {
        driver = driver(Set.of(), true);
        kernel = new FakeKernel(driver);

        DeviceResponse response = send(0x0300, new byte[0], 1 << 20);

        assertThat(driver.sent).singleElement().satisfies(sent -> {
            assertThat(sent.opcode()).isEqualTo(0x0300);
            assertThat(sent.outRoom()).isEqualTo(PAYLOAD_MAX);
        });
        assertThat(response.payload()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void namesTheCommandSetAKernelWithRawCommandsStillDenies() {
        driver = driver(Set.of(), true);
        kernel = new FakeKernel(driver);

        assertThatThrownBy(() -> send(0x4400, new byte[0], 0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("command set 44h");
    }

    @Test
    void saysWhenTheDeviceDidNotEnableAFixedCommand() {
        driver = driver(Set.of(1), false);
        kernel = new FakeKernel(driver);

        assertThatThrownBy(() -> send(0x4200, new byte[0], 18)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Get Health Info").hasMessageContaining("not enabled")
                .hasMessageContaining("Command Effects Log");
    }

    @Test
    void saysWhenTheKernelKeepsACommandForItself() {
        driver = new FakeCxlDriver(FakeCxlDriver.debian61(), Set.of(10), Set.of(10), false,
                opcode -> new FakeCxlDriver.Answer(0, new byte[0]));
        kernel = new FakeKernel(driver);

        assertThatThrownBy(() -> send(0x4103, new byte[12], 0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("exclusive");
    }

    @Test
    void aMissingNodeIsAGoneDevice() {
        kernel.openErrno = Errno.ENOENT;

        assertThatThrownBy(() -> send(0x4200, new byte[0], 18)).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("cxl:mem0 is gone");
    }

    @Test
    void aDeviceUnpluggedWhileOpenIsGone() {
        driver.failWith = Errno.ENXIO;

        assertThatThrownBy(() -> send(0x4200, new byte[0], 18)).isInstanceOf(DeviceGoneException.class);
        assertThat(kernel.closed).isEqualTo(1);
    }

    @Test
    void refusesParametersAndOpcodesBeyondSixteenBits() {
        CxlMailbox mailbox = new CxlMailbox(kernel);

        assertThatThrownBy(() -> mailbox.send(MEM0, NODE, PAYLOAD_MAX,
                new DeviceRequest(0x4200, new byte[0], Map.of("cdw10", 1L), 18)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no transport parameters");
        assertThatThrownBy(() -> mailbox.send(MEM0, NODE, PAYLOAD_MAX, new DeviceRequest(0x10000, new byte[0], Map.of(), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.opened).isEmpty();
    }
}
