package io.fwgate.linux.internal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.FwctlInfo;
import io.fwgate.linux.internal.sys.FwctlRpc;
import io.fwgate.linux.internal.sys.Ioctls;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * Sends one RPC through a fwctl device node: {@code FWCTL_INFO} says the device type, {@code FWCTL_RPC}
 * carries the request in that type's format. fwgate speaks the CXL format ({@code include/uapi/fwctl/cxl.h}):
 * a 16-byte header {@code { u32 opcode; u32 flags; u32 op_size; u32 reserved1; }} before the command's
 * input, and {@code { u32 size; u32 retval; }} before its output. Thread-safe.
 */
final class FwctlClient {
    /** The parameter carrying the level the gate required, as {@link Level#ordinal()}. */
    static final String LEVEL_PARAMETER = "level";
    /** {@code FWCTL_DEVICE_TYPE_CXL}. */
    static final int DEVICE_TYPE_CXL = 2;
    static final int GET_SUPPORTED_FEATURES = 0x0500;
    static final int GET_FEATURE = 0x0501;
    static final int SET_FEATURE = 0x0502;
    private static final Set<Integer> CXL_OPCODES = Set.of(GET_SUPPORTED_FEATURES, GET_FEATURE, SET_FEATURE);
    private static final String[] DEVICE_TYPES = { "error", "mlx5", "cxl", "bnxt", "pds" };
    static final int CXL_IN_HEADER = 16;
    static final int CXL_OUT_HEADER = 8;
    /** fwctl's core limit on an RPC's buffers. */
    static final int MAX_RPC_LEN = 2 << 20;

    private final Syscalls sys;

    /** @param sys the system calls */
    FwctlClient(Syscalls sys) {
        this.sys = sys;
    }

    /**
     * @param id the device
     * @param node its character device, {@code /dev/fwctl/fwctlN}
     * @param request a CXL features opcode, its input payload, optionally the parameter
     *        {@value #LEVEL_PARAMETER}
     * @return the device's return code and output
     * @throws UnsupportedOperationException for a device type other than CXL, or an opcode the kernel's CXL
     *         fwctl driver does not carry
     * @throws IllegalArgumentException for another parameter, a level out of range, or an RPC above 2 MiB
     * @throws IOException if the device is gone, the OS refused the scope, or the RPC was not delivered
     */
    DeviceResponse send(DeviceId id, String node, DeviceRequest request) throws IOException {
        FwctlScope scope = FwctlScope.forLevel(level(request));
        byte[] payload = request.payload();
        if ((long) payload.length + CXL_IN_HEADER > MAX_RPC_LEN
                || (long) request.maxResponseSize() + CXL_OUT_HEADER > MAX_RPC_LEN) {
            throw new IllegalArgumentException("an fwctl RPC carries at most 2 MiB each way");
        }
        int fd = open(id, node);
        try {
            int type = deviceType(id, fd);
            if (type != DEVICE_TYPE_CXL) {
                throw new UnsupportedOperationException("fwctl device type " + typeName(type)
                        + " is not supported: fwgate speaks only the CXL RPC format (device type cxl, 2)");
            }
            if (!CXL_OPCODES.contains(request.opcode())) {
                throw new UnsupportedOperationException(String.format("the kernel's CXL fwctl driver carries only"
                        + " Get Supported Features (0500h), Get Feature (0501h) and Set Feature (0502h), not opcode"
                        + " %04xh: use the device's cxl: mailbox", request.opcode()));
            }
            return rpc(id, fd, scope, request);
        } finally {
            sys.close(fd);
        }
    }

    /**
     * The gate's level from the request; without it, what the opcode needs at least: the two reads are
     * telemetry, and Set Feature needs the highest scope for any immediate effect.
     */
    private static Level level(DeviceRequest request) {
        for (String name : request.parameters().keySet()) {
            if (!name.equals(LEVEL_PARAMETER)) {
                throw new IllegalArgumentException("unknown fwctl parameter '" + name + "' (expected "
                        + LEVEL_PARAMETER + ")");
            }
        }
        Long level = request.parameters().get(LEVEL_PARAMETER);
        if (level == null) {
            return request.opcode() == SET_FEATURE ? Level.DEBUG_WRITE_FULL : Level.TELEMETRY;
        }
        if (level < 0 || level >= Level.values().length) {
            throw new IllegalArgumentException("fwctl parameter level=" + level + " is not a level (0 to 3)");
        }
        return Level.values()[level.intValue()];
    }

    private int open(DeviceId id, String node) throws IOException {
        try {
            return sys.open(node, Syscalls.OPEN_READ_WRITE);
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        }
    }

    private int deviceType(DeviceId id, int fd) throws IOException {
        FwctlInfo info = new FwctlInfo();
        info.size = FwctlInfo.SIZE;
        info.write();
        try {
            sys.ioctl(fd, Ioctls.FWCTL_INFO, info.getPointer());
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        }
        info.read();
        return info.outDeviceType;
    }

    private DeviceResponse rpc(DeviceId id, int fd, FwctlScope scope, DeviceRequest request) throws IOException {
        byte[] payload = request.payload();
        ByteBuffer header = ByteBuffer.allocate(CXL_IN_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(request.opcode()).putInt(0).putInt(payload.length).putInt(0);
        Memory in = new Memory(CXL_IN_HEADER + payload.length);
        in.write(0, header.array(), 0, CXL_IN_HEADER);
        in.write(CXL_IN_HEADER, payload, 0, payload.length);
        int outLength = CXL_OUT_HEADER + request.maxResponseSize();
        Memory out = new Memory(outLength);
        out.clear();
        FwctlRpc rpc = new FwctlRpc();
        rpc.size = FwctlRpc.SIZE;
        rpc.scope = scope.value();
        rpc.inLen = (int) in.size();
        rpc.outLen = outLength;
        rpc.in = Pointer.nativeValue(in);
        rpc.out = Pointer.nativeValue(out);
        rpc.write();
        try {
            sys.ioctl(fd, Ioctls.FWCTL_RPC, rpc.getPointer());
        } catch (ErrnoException e) {
            throw refusal(id, scope, request.opcode(), e);
        } finally {
            Reference.reachabilityFence(in);
            Reference.reachabilityFence(out);
        }
        rpc.read();
        return response(out, Math.min(rpc.outLen, outLength));
    }

    private static IOException refusal(DeviceId id, FwctlScope scope, int opcode, ErrnoException e) {
        String rpc = String.format("FWCTL_RPC of opcode %04xh at scope %s", opcode, scope);
        return switch (e.errno()) {
            case Errno.EPERM, Errno.EACCES -> new NotPermittedException(rpc + " was refused by the OS ("
                    + Errno.name(e.errno()) + ")" + (scope == FwctlScope.DEBUG_WRITE_FULL
                            ? ": that scope needs CAP_SYS_RAWIO" : ""));
            case Errno.EINVAL -> throw new IllegalArgumentException(rpc + " was rejected (EINVAL): the command"
                    + " needs a higher scope, or a field of it is wrong");
            default -> KernelErrors.translate(id, e);
        };
    }

    private static DeviceResponse response(Memory out, int length) throws IOException {
        if (length < CXL_OUT_HEADER) {
            throw new IOException("the fwctl answer has " + length + " bytes, less than its 8-byte header");
        }
        ByteBuffer header = out.getByteBuffer(0, CXL_OUT_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(header.getInt(0));
        int retval = header.getInt(4);
        if (size > length - CXL_OUT_HEADER) {
            throw new IOException("the fwctl answer claims " + size + " payload bytes, but only "
                    + (length - CXL_OUT_HEADER) + " arrived");
        }
        return new DeviceResponse(retval, out.getByteArray(CXL_OUT_HEADER, (int) size), Map.of());
    }

    private static String typeName(int type) {
        return type >= 0 && type < DEVICE_TYPES.length ? DEVICE_TYPES[type] + " (" + type + ")" : "(" + type + ")";
    }
}
