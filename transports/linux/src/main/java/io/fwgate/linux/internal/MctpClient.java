package io.fwgate.linux.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.sun.jna.Memory;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.SockaddrMctp;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * Sends one CCI request to an MCTP endpoint over an AF_MCTP datagram socket and waits for its response.
 * Each request gets its own socket with the tag owner bit set, so the kernel allocates an MCTP tag and
 * routes only the answers to that tag to this socket; the CCI message tag and opcode are checked as
 * well, and anything else that arrives (a late answer to an earlier request) is dropped. Thread-safe.
 */
final class MctpClient {
    /** The MCTP message type byte's integrity check bit; CCI messages do not set it. */
    private static final int TYPE_MASK = 0x7f;

    private final Syscalls sys;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private final AtomicInteger tags = new AtomicInteger();

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
     * @param request an opcode and its payload; no parameters
     * @return the response's return code and payload, and the field {@code vendor-status}
     * @throws UnsupportedOperationException if the kernel has no AF_MCTP sockets
     * @throws IllegalArgumentException for parameters, an opcode above FFFFh or a payload above the CCI limit
     * @throws SocketTimeoutException if no answer came in time
     * @throws IOException if the request was not sent (no route: ENETUNREACH, EHOSTUNREACH) or the answer
     *         was larger than the request accepts
     */
    DeviceResponse send(MctpEndpoint endpoint, DeviceRequest request) throws IOException {
        DeviceId id = endpoint.id();
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CCI messages take no transport parameters, got "
                    + request.parameters().keySet());
        }
        if (request.opcode() < 0 || request.opcode() > 0xffff) {
            throw new IllegalArgumentException(String.format("opcode 0x%x is above FFFFh", request.opcode()));
        }
        CciMessage message = CciMessage.request(tags.getAndIncrement() & 0xff, request.opcode(), request.payload());
        int fd = open(id);
        try {
            transmit(endpoint, fd, message);
            return receive(endpoint, fd, message, request.maxResponseSize());
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        } finally {
            sys.close(fd);
        }
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

    private int open(DeviceId id) throws IOException {
        try {
            return sys.socket(SockaddrMctp.AF_MCTP, Syscalls.SOCK_DGRAM, 0);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EAFNOSUPPORT) {
                throw new UnsupportedOperationException("MCTP is not supported: this kernel has no AF_MCTP"
                        + " sockets (built without CONFIG_MCTP; EAFNOSUPPORT)");
            }
            throw KernelErrors.translate(id, e);
        }
    }

    private void transmit(MctpEndpoint endpoint, int fd, CciMessage message) throws ErrnoException {
        byte[] body = message.encode();
        // Linux MCTP sockets carry the message type byte as the message's first byte
        Memory buffer = new Memory(1 + body.length);
        buffer.setByte(0, (byte) endpoint.messageType());
        buffer.write(1, body, 0, body.length);
        SockaddrMctp to = new SockaddrMctp();
        to.family = SockaddrMctp.AF_MCTP;
        to.network = endpoint.network();
        to.addr = (byte) endpoint.eid();
        to.type = (byte) endpoint.messageType();
        to.tag = SockaddrMctp.TAG_OWNER;
        sys.sendto(fd, buffer, (int) buffer.size(), to);
    }

    private DeviceResponse receive(MctpEndpoint endpoint, int fd, CciMessage request, int maxResponse)
            throws IOException, ErrnoException {
        int room = 1 + CciMessage.HEADER + maxResponse;
        Memory buffer = new Memory(room);
        long deadline = nanos.getAsLong() + timeoutNanos;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for the answer");
            }
            long left = deadline - nanos.getAsLong();
            if (left <= 0) {
                throw new SocketTimeoutException(String.format("no answer to opcode %04xh within %d ms",
                        request.opcode(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
            }
            if (!readable(fd, left)) {
                continue; // the time ran out or a signal came: the deadline above decides which
            }
            SockaddrMctp from = new SockaddrMctp();
            int length = sys.recvfrom(fd, buffer, room, Syscalls.MSG_TRUNC, from);
            if (length > room) {
                throw new IOException(String.format("the answer to opcode %04xh has %d payload bytes, more than"
                        + " the %d the request accepts", request.opcode(),
                        length - 1 - CciMessage.HEADER, maxResponse));
            }
            Optional<CciMessage> answer = match(endpoint, from, buffer.getByteArray(0, length), request);
            if (answer.isPresent()) {
                return new DeviceResponse(answer.get().returnCode(), answer.get().payload(),
                        Map.of("vendor-status", (long) answer.get().vendorStatus()));
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

    /** @return the answer if the datagram is the response to {@code request} from {@code endpoint} */
    private static Optional<CciMessage> match(MctpEndpoint endpoint, SockaddrMctp from, byte[] datagram, CciMessage request) {
        boolean fromEndpoint = Byte.toUnsignedInt(from.addr) == endpoint.eid()
                && (from.tag & SockaddrMctp.TAG_OWNER) == 0 && datagram.length > 0
                && (datagram[0] & TYPE_MASK) == endpoint.messageType();
        if (!fromEndpoint) {
            return Optional.empty();
        }
        return CciMessage.decode(Arrays.copyOfRange(datagram, 1, datagram.length))
                .filter(m -> m.category() == CciMessage.RESPONSE && m.tag() == request.tag()
                        && m.opcode() == request.opcode());
    }
}
