package io.fwgate.linux.internal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;
import io.fwgate.linux.internal.sys.NvmePassthruCmd;
import io.fwgate.linux.internal.sys.NvmePassthruCmd64;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * Sends one admin command through an NVMe controller node with {@code NVME_IOCTL_ADMIN64_CMD}, or with
 * {@code NVME_IOCTL_ADMIN_CMD} on kernels without the 64-bit variant. The opcode's low two bits give the
 * data direction (NVMe: bit 0 host to controller, bit 1 controller to host); the payload is the data to
 * the controller, {@code maxResponseSize} the room for data from it. Thread-safe.
 */
final class NvmeAdmin {
    /** The parameters a request may carry, each a 32-bit command word. */
    static final List<String> PARAMETERS = List.of("nsid", "cdw10", "cdw11", "cdw12", "cdw13", "cdw14", "cdw15");
    /** The status field as Linux returns it has CRD, More and DNR above these bits: SCT (10:8) and SC (7:0). */
    private static final int STATUS_MASK = 0x7ff;

    private final Syscalls sys;
    private final int timeoutMillis;
    private volatile boolean admin64 = true;

    /**
     * @param sys the system calls
     * @param timeoutMillis the passthrough timeout, 0 for the kernel's admin timeout
     */
    NvmeAdmin(Syscalls sys, int timeoutMillis) {
        this.sys = sys;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * @param id the controller
     * @param node its character device, {@code /dev/nvmeN}
     * @param request admin opcode, data to the controller, parameters {@code nsid}, {@code cdw10} to
     *        {@code cdw15}, room for data from the controller
     * @return status {@code SCT << 8 | SC}, the data from the controller (on success), and the field
     *         {@code result} (completion dword 0; with the 64-bit ioctl also {@code result-dw1})
     * @throws IllegalArgumentException for an opcode above FFh, an unknown or out-of-range parameter, or a
     *         payload for an opcode that sends no data
     * @throws UnsupportedOperationException for an opcode transferring data both ways
     * @throws IOException if the command was not delivered or timed out
     */
    DeviceResponse send(DeviceId id, String node, DeviceRequest request) throws IOException {
        Command command = Command.of(request);
        Memory data = command.dataLength() == 0 ? null : new Memory(command.dataLength());
        if (data != null) {
            data.clear();
            data.write(0, request.payload(), 0, request.payload().length);
        }
        int fd = open(id, node);
        try {
            Completion completion = submit(id, fd, command, Pointer.nativeValue(data));
            int status = completion.status() & STATUS_MASK;
            byte[] output = status == 0 && command.fromController() && data != null
                    ? data.getByteArray(0, command.dataLength()) : new byte[0];
            Map<String, Long> fields = new LinkedHashMap<>();
            fields.put("result", completion.result() & 0xffff_ffffL);
            if (completion.wide()) {
                fields.put("result-dw1", completion.result() >>> 32);
            }
            return new DeviceResponse(status, output, fields);
        } finally {
            sys.close(fd);
            Reference.reachabilityFence(data);
        }
    }

    private int open(DeviceId id, String node) throws IOException {
        try {
            return sys.open(node, Syscalls.OPEN_READ_WRITE);
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        }
    }

    private Completion submit(DeviceId id, int fd, Command command, long data) throws IOException {
        try {
            if (admin64) {
                try {
                    return submit64(fd, command, data);
                } catch (ErrnoException e) {
                    if (e.errno() != Errno.ENOTTY) {
                        throw e;
                    }
                    admin64 = false; // kernels before 5.4 have only the 32-bit variant
                }
            }
            return submit32(fd, command, data);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EINTR) {
                throw new IOException(String.format("admin command %02xh did not complete within %s and the"
                        + " kernel cancelled it (EINTR)", command.opcode(),
                        timeoutMillis == 0 ? "the kernel's admin timeout" : timeoutMillis + " ms"));
            }
            throw KernelErrors.translate(id, e);
        }
    }

    private Completion submit64(int fd, Command command, long data) throws ErrnoException {
        NvmePassthruCmd64 cmd = new NvmePassthruCmd64();
        cmd.opcode = (byte) command.opcode();
        cmd.nsid = command.word("nsid");
        cmd.addr = data;
        cmd.dataLen = command.dataLength();
        cmd.cdw10 = command.word("cdw10");
        cmd.cdw11 = command.word("cdw11");
        cmd.cdw12 = command.word("cdw12");
        cmd.cdw13 = command.word("cdw13");
        cmd.cdw14 = command.word("cdw14");
        cmd.cdw15 = command.word("cdw15");
        cmd.timeoutMs = timeoutMillis;
        cmd.write();
        int status = sys.ioctl(fd, Ioctls.NVME_IOCTL_ADMIN64_CMD, cmd.getPointer());
        cmd.read();
        return new Completion(status, cmd.result, true);
    }

    private Completion submit32(int fd, Command command, long data) throws ErrnoException {
        NvmePassthruCmd cmd = new NvmePassthruCmd();
        cmd.opcode = (byte) command.opcode();
        cmd.nsid = command.word("nsid");
        cmd.addr = data;
        cmd.dataLen = command.dataLength();
        cmd.cdw10 = command.word("cdw10");
        cmd.cdw11 = command.word("cdw11");
        cmd.cdw12 = command.word("cdw12");
        cmd.cdw13 = command.word("cdw13");
        cmd.cdw14 = command.word("cdw14");
        cmd.cdw15 = command.word("cdw15");
        cmd.timeoutMs = timeoutMillis;
        cmd.write();
        int status = sys.ioctl(fd, Ioctls.NVME_IOCTL_ADMIN_CMD, cmd.getPointer());
        cmd.read();
        return new Completion(status, cmd.result & 0xffff_ffffL, false);
    }

    /**
     * What the ioctl returned.
     *
     * @param status the status field as Linux returns it (positive: the controller's)
     * @param result completion dword 0, and dword 1 in the high half when {@code wide}
     * @param wide whether the 64-bit ioctl carried dword 1
     */
    private record Completion(int status, long result, boolean wide) {
    }

    /**
     * A validated request.
     *
     * @param opcode the admin opcode
     * @param words the command words by parameter name
     * @param dataLength the data buffer's bytes, 0 for none
     * @param fromController whether the data flows from the controller
     */
    private record Command(int opcode, Map<String, Long> words, int dataLength, boolean fromController) {
        static Command of(DeviceRequest request) {
            int opcode = request.opcode();
            if (opcode < 0 || opcode > 0xff) {
                throw new IllegalArgumentException(String.format("NVMe admin opcode 0x%x is above FFh", opcode));
            }
            for (Map.Entry<String, Long> parameter : request.parameters().entrySet()) {
                if (!PARAMETERS.contains(parameter.getKey())) {
                    throw new IllegalArgumentException("unknown NVMe parameter '" + parameter.getKey()
                            + "' (expected " + String.join(", ", PARAMETERS) + ")");
                }
                if (parameter.getValue() < 0 || parameter.getValue() > 0xffff_ffffL) {
                    throw new IllegalArgumentException("NVMe parameter " + parameter.getKey() + "="
                            + parameter.getValue() + " does not fit 32 bits");
                }
            }
            int transfer = opcode & 0b11;
            int payload = request.payload().length;
            if (transfer == 0b11) {
                throw new UnsupportedOperationException(String.format("admin opcode %02xh transfers data both"
                        + " ways, which Linux NVMe passthrough cannot carry", opcode));
            }
            if (transfer != 0b01 && payload > 0) {
                throw new IllegalArgumentException(String.format("admin opcode %02xh sends no data to the"
                        + " controller (opcode bit 0 is clear), but the request has %d payload bytes", opcode,
                        payload));
            }
            int length = transfer == 0b01 ? payload : transfer == 0b10 ? request.maxResponseSize() : 0;
            return new Command(opcode, request.parameters(), length, transfer == 0b10);
        }

        int word(String name) {
            return (int) words.getOrDefault(name, 0L).longValue();
        }
    }
}
