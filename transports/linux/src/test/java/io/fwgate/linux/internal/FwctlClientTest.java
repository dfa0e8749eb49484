package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.jna.Pointer;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;

class FwctlClientTest {
    private static final DeviceId FWCTL0 = new DeviceId("fwctl", "fwctl0");

    /**
     * fwctl with the CXL features driver, as FACTS.md describes the UAPI: struct fwctl_info (size 0, flags 4,
     * out_device_type 8, device_data_len 12, out_device_data 16), struct fwctl_rpc (size 0, scope 4, in_len 8,
     * out_len 12, in 16, out 24); the CXL request header { opcode, flags, op_size, reserved1 } and response
     * header { size, retval }. Set Feature needs DEBUG_WRITE_FULL, which needs CAP_SYS_RAWIO.
     */
    private static final class Fwctl implements FakeKernel.Driver {
        record Rpc(int structSize, int scope, int opcode, int flags, int opSize, int reserved, byte[] payload, int outLen) {
        }

        final List<Rpc> rpcs = new ArrayList<>();
        int deviceType = 2;
        boolean rawio = true;
        int retval;
        byte[] answer = new byte[0];
        int infoSize;

        @Override
        public int ioctl(long request, Pointer arg) throws ErrnoException {
            if (request == Ioctls.FWCTL_INFO) {
                infoSize = arg.getInt(0);
                arg.setInt(8, deviceType);
                arg.setInt(12, 0);
                return 0;
            }
            int inLen = arg.getInt(8);
            byte[] in = FakeKernel.userBytes(arg.getLong(16), inLen);
            ByteBuffer header = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
            Rpc rpc = new Rpc(arg.getInt(0), arg.getInt(4), header.getInt(0), header.getInt(4), header.getInt(8),
                    header.getInt(12), Arrays.copyOfRange(in, 16, inLen), arg.getInt(12));
            rpcs.add(rpc);
            if (rpc.scope() == 3 && !rawio) {
                throw new ErrnoException("ioctl", Errno.EPERM);
            }
            if (rpc.opcode() == 0x0502 && rpc.scope() < 3) {
                throw new ErrnoException("ioctl", Errno.EINVAL);
            }
            ByteBuffer out = ByteBuffer.allocate(8 + answer.length).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(answer.length).putInt(retval).put(answer);
            FakeKernel.copyToUser(arg.getLong(24), out.array());
            arg.setInt(12, out.capacity());
            return 0;
        }
    }

    private final Fwctl fwctl = new Fwctl();
    private final FakeKernel kernel = new FakeKernel(fwctl);
    private final FwctlClient client = new FwctlClient(kernel);

    private DeviceResponse send(int opcode, byte[] payload, Map<String, Long> parameters, int maxResponse)
            throws Exception {
        return client.send(FWCTL0, "/dev/fwctl/fwctl0", new DeviceRequest(opcode, payload, parameters, maxResponse));
    }

    @Test
    void wrapsTheCommandInTheCxlRpcHeader() throws Exception {
        byte[] getSupported = { 0x20, 0, 0, 0, 0, 0, 0, 0 };

        send(0x0500, getSupported, Map.of(), 0x20);

        assertThat(fwctl.infoSize).isEqualTo(24);
        assertThat(fwctl.rpcs).singleElement().satisfies(rpc -> {
            assertThat(rpc.structSize()).isEqualTo(32);
            assertThat(rpc.opcode()).isEqualTo(0x0500);
            assertThat(rpc.flags()).isZero();
            assertThat(rpc.opSize()).isEqualTo(8);
            assertThat(rpc.reserved()).isZero();
            assertThat(rpc.payload()).isEqualTo(getSupported);
            assertThat(rpc.outLen()).isEqualTo(8 + 0x20);
        });
        assertThat(kernel.opened).containsExactly("/dev/fwctl/fwctl0");
    }

    @Test
    void returnsTheDevicesReturnCodeAndPayloadFromTheResponseHeader() throws Exception {
        fwctl.retval = 0x02;
        fwctl.answer = new byte[] { 9, 8, 7 };

        DeviceResponse response = send(0x0501, new byte[0x15], Map.of(), 16);

        assertThat(response.status()).isEqualTo(2);
        assertThat(response.payload()).containsExactly(9, 8, 7);
    }

    @Test
    void asksForTheScopeOfTheGatesLevel() throws Exception {
        for (Level level : Level.values()) {
            send(0x0501, new byte[0x15], Map.of("level", (long) level.ordinal()), 16);
        }

        assertThat(fwctl.rpcs).extracting(Fwctl.Rpc::scope).containsExactly(1, 0, 2, 3);
    }

    @Test
    void withoutTheGatesLevelAsksForTheLeastScopeTheDriverAccepts() throws Exception {
        send(0x0501, new byte[0x15], Map.of(), 16);
        send(0x0502, new byte[0x20], Map.of(), 0);

        assertThat(fwctl.rpcs).extracting(Fwctl.Rpc::scope).containsExactly(1, 3);
    }

    @Test
    void saysTheHighestScopeNeedsRawIo() {
        fwctl.rawio = false;

        assertThatThrownBy(() -> send(0x0502, new byte[0x20], Map.of(), 0)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("CAP_SYS_RAWIO");
    }

    @Test
    void aScopeTooLowForTheCommandIsABadArgument() {
        assertThatThrownBy(() -> send(0x0502, new byte[0x20], Map.of("level", 1L), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("higher scope");
    }

    @Test
    void speaksOnlyTheCxlFormatAndOnlyItsFeatureCommands() {
        assertThatThrownBy(() -> send(0x4000, new byte[0], Map.of(), 0x45))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cxl: mailbox");
        fwctl.deviceType = 1;
        assertThatThrownBy(() -> send(0x0500, new byte[8], Map.of(), 8))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("mlx5");
        assertThat(fwctl.rpcs).isEmpty();
    }

    @Test
    void refusesOtherParametersAndLevelsOutOfRange() {
        assertThatThrownBy(() -> send(0x0500, new byte[8], Map.of("nsid", 1L), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fwctl parameter 'nsid'");
        assertThatThrownBy(() -> send(0x0500, new byte[8], Map.of("level", 4L), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.opened).isEmpty();
    }

    @Test
    void levelsMapToTheScopesTheyAreNamedAfter() {
        assertThat(FwctlScope.forLevel(Level.TELEMETRY)).isEqualTo(FwctlScope.DEBUG_READ_ONLY);
        assertThat(FwctlScope.forLevel(Level.CONFIGURATION).value()).isZero();
        assertThat(FwctlScope.forLevel(Level.DEBUG_WRITE).value()).isEqualTo(2);
        assertThat(FwctlScope.forLevel(Level.DEBUG_WRITE_FULL).value()).isEqualTo(3);
    }
}
