package io.fwgate.linux.internal.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.sun.jna.Memory;

/** The real C library through JNA, on this machine's kernel: failures arrive as errnos, never as JNA errors. */
class JnaSyscallsTest {
    private final Syscalls sys = JnaSyscalls.load();

    @Test
    void aMissingNodeFailsWithEnoent() {
        assertThatThrownBy(() -> sys.open("/dev/fwgate-no-such-device", Syscalls.OPEN_READ_WRITE))
                .isInstanceOf(ErrnoException.class).hasMessage("open /dev/fwgate-no-such-device failed: ENOENT")
                .satisfies(e -> assertThat(((ErrnoException) e).errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void aDeviceWithoutTheIoctlRefusesItWithEnotty() throws ErrnoException {
        int fd = sys.open("/dev/null", Syscalls.OPEN_READ_WRITE);
        try {
            Memory query = new Memory(8);
            query.clear();

            assertThatThrownBy(() -> sys.ioctl(fd, Ioctls.CXL_MEM_QUERY_COMMANDS, query))
                    .isInstanceOf(ErrnoException.class).hasMessage("ioctl CXL_MEM_QUERY_COMMANDS failed: ENOTTY");
        } finally {
            sys.close(fd);
        }
    }

    @Test
    void loadsOnce() {
        assertThat(JnaSyscalls.load()).isSameAs(sys);
    }
}
