package io.fwgate.linux.internal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.linux.internal.sys.CxlCommandInfo;
import io.fwgate.linux.internal.sys.CxlQueryCommands;
import io.fwgate.linux.internal.sys.CxlSendCommand;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * Sends one mailbox command through a CXL memory device node: asks the running kernel which fixed
 * commands it has ({@code CXL_MEM_QUERY_COMMANDS}), sends the opcode under its fixed id when the kernel
 * has one, else as RAW, and explains the kernel's refusals. Thread-safe: each call opens its own
 * descriptor, so a device that is re-plugged is met afresh.
 */
final class CxlMailbox {
    /** The spec's largest mailbox payload (1 MiB), where sysfs does not say the device's own. */
    static final int SPEC_MAX_PAYLOAD = 1 << 20;
    /** A kernel lists a few dozen commands; more means the answer is not what we think it is. */
    private static final int MAX_COMMANDS = 1024;

    private final Syscalls sys;

    /** @param sys the system calls */
    CxlMailbox(Syscalls sys) {
        this.sys = sys;
    }

    /**
     * @param id the device
     * @param node its character device, {@code /dev/cxl/memN}
     * @param payloadMax the device's mailbox payload size ({@code payload_max} in sysfs)
     * @param request an opcode and its input payload; no parameters
     * @return the device's return code and output
     * @throws IllegalArgumentException if the request has parameters, an opcode above FFFFh, or an input
     *         size the kernel's fixed command does not take
     * @throws UnsupportedOperationException if the kernel does not let the opcode through, saying why
     * @throws IOException if the device is gone, the OS refused, or the ioctl failed otherwise
     */
    DeviceResponse send(DeviceId id, String node, int payloadMax, DeviceRequest request) throws IOException {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CXL mailbox commands take no transport parameters, got "
                    + request.parameters().keySet());
        }
        if (request.opcode() < 0 || request.opcode() > 0xffff) {
            throw new IllegalArgumentException(String.format("opcode 0x%x is above FFFFh", request.opcode()));
        }
        int fd = open(id, node);
        try {
            Map<Integer, CxlCommandInfo> offered = query(id, fd);
            Optional<CxlCommand> fixed = CxlCommand.forOpcode(request.opcode())
                    .filter(command -> offered.containsKey(command.id()));
            if (fixed.isPresent()) {
                return sendFixed(id, fd, fixed.get(), offered.get(fixed.get().id()), payloadMax, request);
            }
            return sendRaw(id, fd, offered.containsKey(CxlCommand.RAW.id()), payloadMax, request);
        } finally {
            sys.close(fd);
        }
    }

    private int open(DeviceId id, String node) throws IOException {
        try {
            return sys.open(node, Syscalls.OPEN_READ_WRITE);
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        }
    }

    /** @return the kernel's fixed commands by id; slots a kernel leaves empty (id 0) are left out */
    private Map<Integer, CxlCommandInfo> query(DeviceId id, int fd) throws IOException {
        try {
            CxlQueryCommands count = new CxlQueryCommands();
            count.write();
            sys.ioctl(fd, Ioctls.CXL_MEM_QUERY_COMMANDS, count.getPointer());
            count.read();
            if (count.nCommands <= 0 || count.nCommands > MAX_COMMANDS) {
                throw new IOException("CXL_MEM_QUERY_COMMANDS reports " + count.nCommands + " commands");
            }
            Memory answer = new Memory(CxlQueryCommands.COMMANDS_OFFSET + (long) count.nCommands * CxlCommandInfo.SIZE);
            answer.clear();
            answer.setInt(0, count.nCommands);
            sys.ioctl(fd, Ioctls.CXL_MEM_QUERY_COMMANDS, answer);
            int listed = Math.min(answer.getInt(0), count.nCommands);
            Map<Integer, CxlCommandInfo> commands = new HashMap<>();
            for (int i = 0; i < listed; i++) {
                CxlCommandInfo info = new CxlCommandInfo(
                        answer.share(CxlQueryCommands.COMMANDS_OFFSET + (long) i * CxlCommandInfo.SIZE));
                if (info.id != 0) {
                    commands.put(info.id, info);
                }
            }
            return commands;
        } catch (ErrnoException e) {
            throw KernelErrors.translate(id, e);
        }
    }

    private DeviceResponse sendFixed(DeviceId id, int fd, CxlCommand command, CxlCommandInfo info, int payloadMax,
            DeviceRequest request) throws IOException {
        String what = String.format("the kernel's %s command (opcode %04xh, id %d)", command.title(),
                command.opcode(), command.id());
        int inSize = request.payload().length;
        if (info.sizeIn != CxlCommandInfo.VARIABLE && info.sizeIn != inSize) {
            throw new IllegalArgumentException(what + " takes exactly " + info.sizeIn
                    + " input bytes, the request has " + inSize);
        }
        // the kernel refuses a buffer smaller than the command's fixed output: give it at least that
        int outSize = info.sizeOut == CxlCommandInfo.VARIABLE ? Math.min(request.maxResponseSize(), payloadMax)
                : Math.max(request.maxResponseSize(), info.sizeOut);
        try {
            return exchange(fd, command.id(), 0, request.payload(), outSize);
        } catch (ErrnoException e) {
            switch (e.errno()) {
                case Errno.ENOTTY -> throw new UnsupportedOperationException(what
                        + " is not enabled for this device: the device does not list the opcode in its Command"
                        + " Effects Log (ENOTTY)");
                case Errno.EBUSY -> throw new UnsupportedOperationException(what
                        + " is reserved for the kernel's exclusive use while the kernel manages the device (EBUSY)");
                case Errno.ENOMEM -> throw new IllegalArgumentException(what
                        + " refused the buffer sizes (ENOMEM): input " + inSize + ", output " + outSize);
                default -> throw KernelErrors.translate(id, e);
            }
        }
    }

    private DeviceResponse sendRaw(DeviceId id, int fd, boolean rawOffered, int payloadMax, DeviceRequest request)
            throws IOException {
        // RAW refuses an output buffer larger than the mailbox with EINVAL, which would hide the real answer
        int outSize = Math.min(request.maxResponseSize(), payloadMax);
        try {
            return exchange(fd, CxlCommand.RAW.id(), request.opcode(), request.payload(), outSize);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EPERM) {
                throw new UnsupportedOperationException(rawRefusal(request.opcode(), rawOffered));
            }
            throw KernelErrors.translate(id, e);
        }
    }

    /** @return why the kernel answered a RAW command with EPERM, as precisely as the running kernel tells */
    static String rawRefusal(int opcode, boolean rawOffered) {
        String start = String.format("opcode %04xh has no fixed command in this kernel, and ", opcode);
        if (!rawOffered) {
            return start + "the kernel does not allow raw CXL commands (it is built without"
                    + " CONFIG_CXL_MEM_RAW_COMMANDS, as distribution kernels are; EPERM)";
        }
        return start + CxlCommand.rawDenial(opcode).orElse(
                "the kernel refused it as a raw command (kernel lockdown forbids raw commands; EPERM)");
    }

    private DeviceResponse exchange(int fd, int commandId, int rawOpcode, byte[] payload, int outSize)
            throws ErrnoException, IOException {
        Memory in = payload.length == 0 ? null : new Memory(payload.length);
        if (in != null) {
            in.write(0, payload, 0, payload.length);
        }
        Memory out = outSize == 0 ? null : new Memory(outSize);
        CxlSendCommand command = new CxlSendCommand();
        command.id = commandId;
        command.rawOpcode = (short) rawOpcode;
        command.inSize = payload.length;
        command.inPayload = Pointer.nativeValue(in);
        command.outSize = outSize;
        command.outPayload = Pointer.nativeValue(out);
        command.write();
        try {
            sys.ioctl(fd, Ioctls.CXL_MEM_SEND_COMMAND, command.getPointer());
        } finally {
            // the kernel reads and writes the buffers through addresses Java cannot see
            Reference.reachabilityFence(in);
            Reference.reachabilityFence(out);
        }
        command.read();
        if (command.outSize < 0 || command.outSize > outSize) {
            throw new IOException("CXL_MEM_SEND_COMMAND returned " + command.outSize + " bytes into a buffer of "
                    + outSize);
        }
        byte[] output = out == null ? new byte[0] : out.getByteArray(0, command.outSize);
        return new DeviceResponse(command.retval, output);
    }
}
