package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * The JNA structures against the C headers: bits/socket.h {@code struct ucred { pid_t pid; uid_t uid;
 * gid_t gid; }} (12 bytes, offsets 0, 4, 8), sys/un.h {@code struct sockaddr_un} (sa_family_t, then
 * 108 path bytes), poll.h {@code struct pollfd { int; short; short; }} (8 bytes) and
 * {@code struct timeval} of two native longs. Fixtures are written at the headers' offsets.
 */
class StructLayoutTest {
    @Test
    void ucredIsTwelveBytesWithUnsignedIdsAtFourAndEight() {
        Memory memory = new Memory(12);
        ByteBuffer spec = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        spec.putInt(0, 4321).putInt(4, 0xfffffffe).putInt(8, 65534);
        memory.write(0, spec.array(), 0, 12);

        Ucred ucred = new Ucred(memory);

        assertThat(new Ucred().size()).isEqualTo(12);
        assertThat(ucred.pid).isEqualTo(4321);
        assertThat(ucred.uid()).as("uid_t is unsigned").isEqualTo(4294967294L);
        assertThat(ucred.gid()).isEqualTo(65534);
    }

    @Test
    void peerGroupsAreUnsignedGidsInNativeOrder() {
        ByteBuffer raw = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        raw.putInt(0, 27).putInt(4, 1000).putInt(8, 0xffffffff);

        assertThat(UnixSockets.gids(raw.array())).containsExactly(27, 1000, 4294967295L);
        assertThat(UnixSockets.gids(new byte[0])).isEmpty();
    }

    @Test
    void sockaddrUnHoldsThePathAfterTheFamilyNulTerminated() {
        SockaddrUn address = new SockaddrUn("/run/fwgate.sock");

        assertThat(address.size()).isEqualTo(110);
        assertThat(address.getPointer().getShort(0)).isEqualTo((short) 1);
        assertThat(address.getPointer().getString(2)).isEqualTo("/run/fwgate.sock");
        assertThat(address.length()).isEqualTo(2 + 16 + 1);
    }

    @Test
    void anAbstractAddressStartsWithNulAndHasNoTerminator() {
        SockaddrUn address = new SockaddrUn("@/org/freedesktop/systemd1/notify");

        assertThat(address.getPointer().getByte(2)).isZero();
        assertThat(address.getPointer().getString(3)).isEqualTo("/org/freedesktop/systemd1/notify");
        assertThat(address.length()).isEqualTo(2 + 33);
    }

    @Test
    void aPathLongerThanSunPathIsRefusedNamingTheLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SockaddrUn("/" + "x".repeat(107)))
                .withMessageContaining("1 to 107");
        assertThat(new SockaddrUn("/" + "x".repeat(106)).length()).isEqualTo(110);
    }

    @Test
    void pollfdAndTimevalHaveTheHeadersSizes() {
        PollFd poll = new PollFd(3, (short) 1);

        poll.revents = 0x10;
        poll.write();

        assertThat(poll.size()).isEqualTo(8);
        assertThat(poll.getPointer().getInt(0)).isEqualTo(3);
        assertThat(poll.getPointer().getShort(4)).isEqualTo((short) 1);
        assertThat(poll.getPointer().getShort(6)).isEqualTo((short) 0x10);
        assertThat(new Timeval(1500).size()).isEqualTo(2 * Native.LONG_SIZE);
        Timeval timeout = new Timeval(1500);
        assertThat(timeout.tv_sec.longValue()).isEqualTo(1);
        assertThat(timeout.tv_usec.longValue()).isEqualTo(500_000);
    }
}
