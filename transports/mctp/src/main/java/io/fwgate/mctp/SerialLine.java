package io.fwgate.mctp;

import java.io.Closeable;
import java.io.IOException;
import java.util.OptionalInt;

import io.fwgate.mctp.internal.PosixTty;

/**
 * An open serial line in raw mode: a serial device, or the master side of a new pseudo-terminal whose
 * slave ({@link #path()}) another process or bundle opens as its serial device. Reads wait at most the time
 * given; writes fail if the line stops draining for a second. One reader and one writer at a time.
 */
public final class SerialLine implements Closeable {
    /** How long a write waits for a line that does not drain before it fails. */
    private static final int WRITE_STALL_MILLIS = 1000;

    private final int fd;
    private final String path;
    /** The pseudo-terminal's slave, held open so that the master reads no EIO while nobody else has it. */
    private final OptionalInt slave;
    private volatile boolean closed;

    private SerialLine(int fd, String path, OptionalInt slave) {
        this.fd = fd;
        this.path = path;
        this.slave = slave;
    }

    /**
     * @param path a serial device, e.g. {@code /dev/ttyUSB0}
     * @param baud its speed: 9600, 19200, 38400, 57600, 115200, 230400, 460800 or 921600
     * @return the line, raw, 8N1, no flow control
     * @throws IOException if the device cannot be opened or set up (JNA failing to load included)
     * @throws IllegalArgumentException if the speed is not one of those
     */
    public static SerialLine open(String path, int baud) throws IOException {
        int fd = PosixTty.open(path);
        try {
            PosixTty.makeRaw(fd, baud);
        } catch (IOException | RuntimeException e) {
            PosixTty.close(fd);
            throw e;
        }
        return new SerialLine(fd, path, OptionalInt.empty());
    }

    /**
     * @return the master of a new pseudo-terminal whose slave is raw; {@link #path()} names the slave
     * @throws IOException if no pseudo-terminal can be had (JNA failing to load included)
     */
    public static SerialLine openPseudoterminal() throws IOException {
        int master = PosixTty.openPseudoterminal();
        try {
            String name = PosixTty.slaveName(master);
            int slave = PosixTty.open(name);
            PosixTty.makeRaw(slave, 115200);
            return new SerialLine(master, name, OptionalInt.of(slave));
        } catch (IOException | RuntimeException e) {
            PosixTty.close(master);
            throw e;
        }
    }

    /** @return the device's path; for a pseudo-terminal, its slave's */
    public String path() {
        return path;
    }

    /**
     * @param bytes the bytes to send, all of them
     * @throws IOException if the line failed, was closed, or stopped draining
     */
    public void write(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            ensureOpen();
            int written = PosixTty.write(fd, bytes, offset);
            if (written == 0 && PosixTty.poll(fd, PosixTty.POLLOUT_EVENT, WRITE_STALL_MILLIS) == 0) {
                throw new IOException("serial line " + path + " does not drain");
            }
            offset += written;
        }
    }

    /**
     * @param buffer where to put what arrives
     * @param timeoutNanos how long to wait for at least one byte
     * @return the number of bytes read, 0 if none came in time
     * @throws IOException if the line failed, hung up or was closed
     * @throws InterruptedException if the thread was interrupted
     */
    public int read(byte[] buffer, long timeoutNanos) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while reading serial line " + path);
        }
        ensureOpen();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (timeoutNanos + 999_999) / 1_000_000));
        int events = PosixTty.poll(fd, PosixTty.POLLIN_EVENT, millis);
        if (events == 0) {
            return 0;
        }
        int count = PosixTty.read(fd, buffer);
        if (count < 0 || (count == 0 && (events & PosixTty.POLLIN_EVENT) == 0)) {
            throw new IOException("serial line " + path + " hung up");
        }
        return count;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("serial line " + path + " is closed");
        }
    }

    /** Closes the line (and a pseudo-terminal's slave); a read in progress ends within its timeout. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            PosixTty.close(fd);
        } finally {
            if (slave.isPresent()) {
                PosixTty.close(slave.getAsInt());
            }
        }
    }
}
