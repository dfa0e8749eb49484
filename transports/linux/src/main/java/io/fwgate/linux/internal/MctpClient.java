package io.fwgate.linux.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import com.sun.jna.Memory;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.SockaddrMctp;
import io.fwgate.linux.internal.sys.Syscalls;
import io.fwgate.mctp.MctpCommands;

/**
 * The kernel AF_MCTP binding: requests to MCTP endpoints built and their answers checked by
 * {@link MctpCommands}, the same code as the userspace serial binding's. CXL commands go as the endpoint's
 * CXL message type, MCTP control and NVMe-MI as the transport parameter {@value MctpCommands#TYPE_PARAMETER}
 * names. Each request gets its own datagram socket and is sent with the tag owner bit, so the kernel allocates
 * an MCTP tag and routes only the answers to that tag to this socket; of those, a datagram from the endpoint
 * (tag owner clear) that {@link MctpCommands} says answers the request is the answer, and anything else (a
 * late answer to an earlier request) is dropped. Thread-safe.
 */
final class MctpClient {
    /** Why nothing can be sent where the kernel has no MCTP. */
    static final String UNSUPPORTED = "MCTP is not supported: this kernel has no AF_MCTP sockets (built without"
            + " CONFIG_MCTP; EAFNOSUPPORT)";

    private final Syscalls sys;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private final Map<DeviceId, MctpCommands> commands = new ConcurrentHashMap<>();

    /**
     * @param sys the system calls
     * @param nanos a monotonic clock in nanoseconds, {@code System::nanoTime}
     * @param timeoutMillis how long to wait for an answer
     */
    MctpClient(Syscalls sys, LongSupplier nanos, int timeoutMillis) {
        this.sys = sys;
        this.nanos = nanos;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * @param endpoint where the request goes
     * @param request a CXL command, or with {@value MctpCommands#TYPE_PARAMETER} a command of that message type
     * @return the answer, as {@link MctpCommands} maps it: CXL return code and payload, field
     *         {@code vendor-status} when not 0; control completion code and data; NVMe-MI status, data and
     *         field {@code result}
     * @throws UnsupportedOperationException if the kernel has no AF_MCTP sockets
     * @throws IllegalArgumentException for other parameters, an opcode that does not suit the message type, or
     *         a payload above the CCI limit
     * @throws SocketTimeoutException if no answer came in time
     * @throws IOException if the request was not sent (no route: ENETUNREACH, EHOSTUNREACH), or the answer was
     *         malformed, failed its integrity check, or was larger than the request accepts
     */
    DeviceResponse send(MctpEndpoint endpoint, DeviceRequest request) throws IOException {
        MctpCommands endpointCommands = commands.computeIfAbsent(endpoint.id(), id -> new MctpCommands(
                (message, maxAnswer, answers) -> exchange(endpoint, message, maxAnswer, answers), id.toString()));
        int type = endpointCommands.messageType(request, OptionalInt.of(endpoint.messageType()));
        return endpointCommands.send(type, request);
    }

    /**
     * @return true if this kernel has AF_MCTP sockets
     */
    boolean supported() {
        try {
            sys.close(sys.socket(SockaddrMctp.AF_MCTP, Syscalls.SOCK_DGRAM, 0));
            return true;
        } catch (ErrnoException e) {
            return false;
        }
    }

    private byte[] exchange(MctpEndpoint endpoint, byte[] message, int maxAnswer, Predicate<byte[]> answers)
            throws IOException {
        DeviceId id = endpoint.id();
        int fd = open(id);
        try {
            transmit(endpoint, fd, message);
            return receive(endpoint, fd, maxAnswer, answers);
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        } finally {
            sys.close(fd);
        }
    }

    private int open(DeviceId id) throws IOException {
        try {
            return sys.socket(SockaddrMctp.AF_MCTP, Syscalls.SOCK_DGRAM, 0);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EAFNOSUPPORT) {
                throw new UnsupportedOperationException(UNSUPPORTED);
            }
            throw KernelErrors.translate(id, e);
        }
    }

    private void transmit(MctpEndpoint endpoint, int fd, byte[] message) throws ErrnoException {
        // Linux MCTP sockets carry the message type byte as the message's first byte; the address names the
        // type without the integrity check bit
        Memory buffer = new Memory(message.length);
        buffer.write(0, message, 0, message.length);
        SockaddrMctp to = new SockaddrMctp();
        to.family = SockaddrMctp.AF_MCTP;
        to.network = endpoint.network();
        to.addr = (byte) endpoint.eid();
        to.type = (byte) (message[0] & 0x7f);
        to.tag = SockaddrMctp.TAG_OWNER;
        sys.sendto(fd, buffer, (int) buffer.size(), to);
    }

    private byte[] receive(MctpEndpoint endpoint, int fd, int room, Predicate<byte[]> answers)
            throws IOException, ErrnoException {
        Memory buffer = new Memory(room);
        long deadline = nanos.getAsLong() + timeoutNanos;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for the answer");
            }
            long left = deadline - nanos.getAsLong();
            if (left <= 0) {
                throw new SocketTimeoutException(String.format("no answer from %s within %d ms", endpoint.id(),
                        TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
            }
            if (!readable(fd, left)) {
                continue; // the time ran out or a signal came: the deadline above decides which
            }
            SockaddrMctp from = new SockaddrMctp();
            int length = sys.recvfrom(fd, buffer, room, Syscalls.MSG_TRUNC, from);
            if (length > room) {
                throw new IOException(String.format("%s answered a message of %d bytes, more than the %d the request"
                        + " accepts", endpoint.id(), length, room));
            }
            byte[] datagram = buffer.getByteArray(0, length);
            boolean fromEndpoint = Byte.toUnsignedInt(from.addr) == endpoint.eid()
                    && (from.tag & SockaddrMctp.TAG_OWNER) == 0;
            if (fromEndpoint && length > 0 && answers.test(datagram)) {
                return datagram;
            }
        }
    }

    /** @return true if a datagram is waiting; false if the time ran out or a signal (EINTR) came first */
    private boolean readable(int fd, long leftNanos) throws ErrnoException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(leftNanos)));
        try {
            return sys.poll(fd, Syscalls.POLLIN, millis);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EINTR) {
                return false;
            }
            throw e;
        }
    }
}
