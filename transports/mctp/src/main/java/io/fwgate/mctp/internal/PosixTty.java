package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.Map;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The terminal calls of the C library a serial line needs, through JNA: open, raw mode and line speed
 * (termios), poll, read, write, and pseudo-terminal creation. Linux values. Every failure becomes an
 * {@link IOException} naming the call and the errno. Thread-safe (stateless).
 */
public final class PosixTty {
    static final int O_RDWR = 02;
    static final int O_NOCTTY = 0400;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    /** poll's "readable" event. */
    public static final int POLLIN_EVENT = 0x1;
    /** poll's "writable" event. */
    public static final int POLLOUT_EVENT = 0x4;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    private static final int TCSANOW = 0;
    /** glibc's struct termios is 60 bytes; room to spare. */
    private static final int TERMIOS_SIZE = 128;
    /** c_cflag sits after c_iflag and c_oflag. */
    private static final int C_CFLAG = 8;
    private static final int CREAD = 0200;
    private static final int CLOCAL = 04000;
    private static final int CRTSCTS = 020000000000;
    /** Linux speed_t codes of asm-generic/termbits.h. */
    private static final Map<Integer, Integer> SPEEDS = Map.of(9600, 015, 19200, 016, 38400, 017, 57600, 010001,
            115200, 010002, 230400, 010003, 460800, 010004, 921600, 010007);

    interface Libc extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int poll(Pointer fds, NativeLong count, int timeout) throws LastErrorException;

        int tcgetattr(int fd, Pointer termios) throws LastErrorException;

        int tcsetattr(int fd, int action, Pointer termios) throws LastErrorException;

        void cfmakeraw(Pointer termios);

        int cfsetspeed(Pointer termios, int speed) throws LastErrorException;

        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);
    }

    private static Libc libc;

    private PosixTty() {
    }

    private static synchronized Libc libc() throws IOException {
        if (libc == null) {
            try {
                libc = Native.load("c", Libc.class);
            } catch (LinkageError e) {
                throw new IOException("the C library cannot be called (JNA): " + e.getMessage(), e);
            }
        }
        return libc;
    }

    /**
     * @param path a terminal device
     * @return its descriptor, non-blocking
     * @throws IOException if it cannot be opened
     */
    public static int open(String path) throws IOException {
        try {
            return libc().open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure("open " + path, e);
        }
    }

    /**
     * Raw mode (no echo, no line editing, no character translation, 8 bits, no parity), no flow control,
     * modem lines ignored, and the line speed.
     *
     * @param fd a terminal
     * @param baud one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600
     * @throws IOException if the terminal refused the settings
     * @throws IllegalArgumentException if the speed is not one of those
     */
    public static void makeRaw(int fd, int baud) throws IOException {
        Integer speed = SPEEDS.get(baud);
        if (speed == null) {
            throw new IllegalArgumentException("unsupported serial speed " + baud + " (one of "
                    + SPEEDS.keySet().stream().sorted().toList() + ")");
        }
        try (Memory termios = new Memory(TERMIOS_SIZE)) {
            termios.clear();
            Libc c = libc();
            c.tcgetattr(fd, termios);
            c.cfmakeraw(termios);
            int cflag = termios.getInt(C_CFLAG);
            termios.setInt(C_CFLAG, (cflag & ~CRTSCTS) | CREAD | CLOCAL);
            c.cfsetspeed(termios, speed);
            c.tcsetattr(fd, TCSANOW, termios);
        } catch (LastErrorException e) {
            throw failure("set raw mode on descriptor " + fd, e);
        }
    }

    /**
     * @param fd a descriptor
     * @param events {@link #POLLIN_EVENT} or {@link #POLLOUT_EVENT}
     * @param timeoutMillis how long to wait
     * @return the returned events, 0 if none came in time
     * @throws IOException if poll failed
     */
    public static int poll(int fd, int events, int timeoutMillis) throws IOException {
        try (Memory pollfd = new Memory(8)) {
            pollfd.setInt(0, fd);
            pollfd.setShort(4, (short) events);
            pollfd.setShort(6, (short) 0);
            int ready = libc().poll(pollfd, new NativeLong(1), timeoutMillis);
            return ready == 0 ? 0 : pollfd.getShort(6) & 0xffff;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw failure("poll descriptor " + fd, e);
        }
    }

    /** @return the bytes read, 0 if none were waiting, -1 at end of file */
    public static int read(int fd, byte[] buffer) throws IOException {
        try (Memory memory = new Memory(buffer.length)) {
            int count = libc().read(fd, memory, new NativeLong(buffer.length)).intValue();
            if (count > 0) {
                memory.read(0, buffer, 0, count);
            }
            return count == 0 ? -1 : count;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw failure("read descriptor " + fd, e);
        }
    }

    /** @return the bytes written from {@code offset}, 0 if the line would block */
    public static int write(int fd, byte[] bytes, int offset) throws IOException {
        int length = bytes.length - offset;
        try (Memory memory = new Memory(length)) {
            memory.write(0, bytes, offset, length);
            return libc().write(fd, memory, new NativeLong(length)).intValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw failure("write descriptor " + fd, e);
        }
    }

    public static void close(int fd) throws IOException {
        try {
            libc().close(fd);
        } catch (LastErrorException e) {
            throw failure("close descriptor " + fd, e);
        }
    }

    /**
     * @return a new pseudo-terminal master, non-blocking, its slave granted and unlocked
     * @throws IOException if the system has no pseudo-terminals to give
     */
    public static int openPseudoterminal() throws IOException {
        Libc c = libc();
        try {
            int master = c.posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
            c.grantpt(master);
            c.unlockpt(master);
            return master;
        } catch (LastErrorException e) {
            throw failure("open a pseudo-terminal", e);
        }
    }

    /** @return the path of the master's slave, e.g. {@code /dev/pts/3} */
    public static String slaveName(int master) throws IOException {
        String name = libc().ptsname(master);
        if (name == null) {
            throw new IOException("ptsname failed for descriptor " + master);
        }
        return name;
    }

    private static IOException failure(String what, LastErrorException e) {
        return new IOException(what + ": errno " + e.getErrorCode() + " (" + e.getMessage() + ")", e);
    }
}
