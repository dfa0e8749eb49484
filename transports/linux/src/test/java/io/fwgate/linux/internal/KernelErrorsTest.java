package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;

/** The common errnos as include/uapi/fwctl/fwctl.h defines them. */
class KernelErrorsTest {
    private static final DeviceId DEVICE = new DeviceId("fwctl", "fwctl0");

    private static ErrnoException failed(int errno) {
        return new ErrnoException("ioctl FWCTL_RPC", errno);
    }

    @Test
    void notSupportedIsUnsupportedOperation() {
        for (int errno : new int[] { Errno.ENOTTY, Errno.EOPNOTSUPP, Errno.EAFNOSUPPORT }) {
            assertThatThrownBy(() -> KernelErrors.translate(DEVICE, failed(errno)))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(Errno.name(errno));
        }
    }

    @Test
    void aRejectedFieldIsAnIllegalArgument() {
        for (int errno : new int[] { Errno.EINVAL, Errno.E2BIG }) {
            assertThatThrownBy(() -> KernelErrors.translate(DEVICE, failed(errno)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Errno.name(errno));
        }
    }

    @Test
    void anUnpluggedDeviceIsGone() {
        for (int errno : new int[] { Errno.ENODEV, Errno.ENXIO, Errno.ENOENT }) {
            assertThat(KernelErrors.translate(DEVICE, failed(errno))).isInstanceOf(DeviceGoneException.class)
                    .hasMessageContaining("fwctl:fwctl0 is gone");
        }
    }

    @Test
    void theOperatingSystemsRefusalIsNotPermitted() {
        for (int errno : new int[] { Errno.EPERM, Errno.EACCES }) {
            assertThat(KernelErrors.translate(DEVICE, failed(errno))).isInstanceOf(NotPermittedException.class)
                    .hasMessageContaining("not permitted by the operating system");
        }
    }

    @Test
    void anythingElseIsAnIoFailureNamingTheErrno() {
        IOException failure = KernelErrors.translate(DEVICE, failed(Errno.EIO));

        assertThat(failure).isExactlyInstanceOf(IOException.class).hasMessage("ioctl FWCTL_RPC failed: EIO");
    }
}
