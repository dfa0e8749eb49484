package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.jna.Pointer;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;

class NvmeAdminTest {
    private static final DeviceId NVME0 = new DeviceId("nvme", "nvme0");

    /**
     * NVME_IOCTL_ADMIN64_CMD and NVME_IOCTL_ADMIN_CMD as drivers/nvme/host/ioctl.c answers them, reading
     * struct nvme_passthru_cmd(64) at the offsets of include/uapi/linux/nvme_ioctl.h: opcode 0, nsid 4,
     * addr 24, data_len 36, cdw10..cdw15 40..60, timeout_ms 64; result 72 (u64) or 68 (u32).
     */
    private static final class Controller implements FakeKernel.Driver {
        record Seen(String ioctl, int opcode, int nsid, List<Integer> cdw, int dataLength, int timeout, byte[] data) {
        }

        final List<Seen> seen = new ArrayList<>();
        boolean admin64 = true;
        int status;
        long result;
        byte[] answer = new byte[0];
        int errno;

        @Override
        public int ioctl(long request, Pointer arg) throws ErrnoException {
            if (request == Ioctls.NVME_IOCTL_ADMIN64_CMD && !admin64) {
                throw new ErrnoException("ioctl", Errno.ENOTTY);
            }
            List<Integer> cdw = new ArrayList<>();
            for (int offset = 40; offset <= 60; offset += 4) {
                cdw.add(arg.getInt(offset));
            }
            int opcode = Byte.toUnsignedInt(arg.getByte(0));
            int length = arg.getInt(36);
            byte[] data = (opcode & 1) != 0 ? FakeKernel.userBytes(arg.getLong(24), length) : new byte[0];
            seen.add(new Seen(Ioctls.name(request), opcode, arg.getInt(4), cdw, length, arg.getInt(64), data));
            if (errno != 0) {
                throw new ErrnoException("ioctl", errno);
            }
            if ((opcode & 2) != 0) {
                FakeKernel.copyToUser(arg.getLong(24), answer);
            }
            if (request == Ioctls.NVME_IOCTL_ADMIN64_CMD) {
                arg.setLong(72, result);
            } else {
                arg.setInt(68, (int) result);
            }
            return status;
        }
    }

    private final Controller controller = new Controller();
    private final FakeKernel kernel = new FakeKernel(controller);
    private final NvmeAdmin admin = new NvmeAdmin(kernel, 0);

    private DeviceResponse send(int opcode, byte[] payload, Map<String, Long> parameters, int maxResponse)
            throws Exception {
        return admin.send(NVME0, "/dev/nvme0", new DeviceRequest(opcode, payload, parameters, maxResponse));
    }

    @Test
    void putsOpcodeNamespaceAndCommandWordsWhereTheKernelReadsThem() throws Exception {
        send(0x02, new byte[0], Map.of("nsid", 0xffff_ffffL, "cdw10", 0x007f_8002L, "cdw11", 1L, "cdw15", 6L), 512);

        assertThat(controller.seen).singleElement().satisfies(seen -> {
            assertThat(seen.ioctl()).isEqualTo("NVME_IOCTL_ADMIN64_CMD");
            assertThat(seen.opcode()).isEqualTo(0x02);
            assertThat(seen.nsid()).isEqualTo(0xffff_ffff);
            assertThat(seen.cdw()).containsExactly(0x007f_8002, 1, 0, 0, 0, 6);
            assertThat(seen.timeout()).isZero();
        });
        assertThat(kernel.opened).containsExactly("/dev/nvme0");
    }

    @Test
    void readsControllerToHostDataIntoABufferOfTheAcceptedSize() throws Exception {
        controller.answer = new byte[] { 0x36, 0x1b, 0x36, 0x1b };

        DeviceResponse response = send(0x06, new byte[0], Map.of("cdw10", 1L), 4096);

        assertThat(controller.seen.get(0).dataLength()).isEqualTo(4096);
        assertThat(response.payload()).hasSize(4096).startsWith(0x36, 0x1b, 0x36, 0x1b);
    }

    @Test
    void writesHostToControllerDataAndReturnsNone() throws Exception {
        byte[] image = { 1, 2, 3, 4, 5, 6, 7, 8 };

        DeviceResponse response = send(0x11, image, Map.of("cdw10", 1L), 0);

        assertThat(controller.seen.get(0).data()).isEqualTo(image);
        assertThat(response.payload()).isEmpty();
    }

    @Test
    void sendsNoBufferForACommandWithoutData() throws Exception {
        send(0x10, new byte[0], Map.of("cdw10", 0x09L), 4096);

        assertThat(controller.seen.get(0).dataLength()).isZero();
    }

    @Test
    void keepsStatusCodeTypeAndCodeAndDropsTheRetryBits() throws Exception {
        controller.status = 0x4000 | 0x0109; // DNR, command specific: invalid log page

        DeviceResponse response = send(0x02, new byte[0], Map.of("cdw10", 0x7fL), 512);

        assertThat(response.status()).isEqualTo(0x0109);
        assertThat(response.payload()).isEmpty();
    }

    @Test
    void returnsBothCompletionDwordsFromTheWideIoctl() throws Exception {
        controller.result = 0x0000_0007_8000_0001L;

        DeviceResponse response = send(0x0a, new byte[0], Map.of("cdw10", 0x04L), 0);

        assertThat(response.fields()).containsEntry("result", 0x8000_0001L).containsEntry("result-dw1", 7L);
    }

    @Test
    void fallsBackToTheNarrowIoctlOnKernelsWithoutTheWideOne() throws Exception {
        controller.admin64 = false;
        controller.result = 0x8000_0001L;

        DeviceResponse first = send(0x0a, new byte[0], Map.of("cdw10", 0x04L), 0);
        send(0x0a, new byte[0], Map.of("cdw10", 0x04L), 0);

        assertThat(first.fields()).containsExactly(Map.entry("result", 0x8000_0001L));
        assertThat(kernel.requests).containsExactly("NVME_IOCTL_ADMIN64_CMD", "NVME_IOCTL_ADMIN_CMD",
                "NVME_IOCTL_ADMIN_CMD");
    }

    @Test
    void passesTheConfiguredTimeoutAndReportsACancelledCommandAsTimedOut() {
        controller.errno = Errno.EINTR;
        NvmeAdmin patient = new NvmeAdmin(kernel, 2500);

        assertThatThrownBy(() -> patient.send(NVME0, "/dev/nvme0", new DeviceRequest(0x06, new byte[0], Map.of(), 4096)))
                .hasMessageContaining("did not complete within 2500 ms");
        assertThat(controller.seen.get(0).timeout()).isEqualTo(2500);
    }

    @Test
    void refusesWhatLinuxPassthroughCannotCarry() {
        assertThatThrownBy(() -> send(0x83, new byte[4], Map.of(), 4)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("both ways");
        assertThatThrownBy(() -> send(0x06, new byte[4], Map.of(), 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sends no data");
        assertThatThrownBy(() -> send(0x06, new byte[0], Map.of("cdw2", 1L), 4096))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown NVMe parameter 'cdw2'");
        assertThatThrownBy(() -> send(0x06, new byte[0], Map.of("nsid", 1L << 32), 4096))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> send(0x100, new byte[0], Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(controller.seen).isEmpty();
    }

    @Test
    void mapsTheKernelsRefusals() {
        controller.errno = Errno.EACCES;

        assertThatThrownBy(() -> send(0x06, new byte[0], Map.of(), 4096)).isInstanceOf(NotPermittedException.class);
        assertThat(kernel.closed).isEqualTo(1);
    }
}
