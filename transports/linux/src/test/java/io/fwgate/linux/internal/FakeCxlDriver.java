package io.fwgate.linux.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.sun.jna.Pointer;

import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.ErrnoException;
import io.fwgate.linux.internal.sys.Ioctls;

/**
 * The CXL memdev ioctls as drivers/cxl/core/mbox.c answers them, reading and writing
 * {@code struct cxl_mem_query_commands} and {@code struct cxl_send_command} at the offsets of
 * include/uapi/linux/cxl_mem.h: query id 0 of n_commands at 0, entries of 16 bytes from 8; send id at 0,
 * raw.opcode at 8, retval at 12, in.size at 16, in.payload at 24, out.size at 32, out.payload at 40.
 */
final class FakeCxlDriver implements FakeKernel.Driver {
    static final int VARIABLE = -1;
    static final int RAW = 2;

    /** One slot of the kernel's command table: id, the opcode the kernel sends, sizes. */
    record Slot(int id, int opcode, int sizeIn, int sizeOut) {
    }

    /** What reached the device. */
    record Sent(int opcode, byte[] input, int outRoom) {
    }

    /** The device's answer. */
    record Answer(int retval, byte[] output) {
    }

    /** A 6.1 kernel's table size: CXL_MEM_COMMAND_ID_MAX. */
    private static final int SLOTS = 21;

    private final Map<Integer, Slot> slots = new LinkedHashMap<>();
    private final Set<Integer> enabled;
    private final Set<Integer> exclusive;
    private final boolean rawCommands;
    private final Function<Integer, Answer> device;
    final List<Sent> sent = new ArrayList<>();
    final List<Integer> ids = new ArrayList<>();
    int failWith;

    /**
     * @param slots the kernel's fixed commands (a slot the kernel leaves empty is all zeros in a query)
     * @param enabled the ids the device's CEL enabled
     * @param exclusive the ids the kernel keeps for itself
     * @param rawCommands whether the kernel has CONFIG_CXL_MEM_RAW_COMMANDS (and no lockdown)
     * @param device answers an opcode
     */
    FakeCxlDriver(List<Slot> slots, Set<Integer> enabled, Set<Integer> exclusive, boolean rawCommands,
            Function<Integer, Answer> device) {
        slots.forEach(slot -> this.slots.put(slot.id(), slot));
        this.enabled = enabled;
        this.exclusive = exclusive;
        this.rawCommands = rawCommands;
        this.device = device;
    }

    /** The slots of a Debian 6.1 kernel used in these tests (cxl_mem_commands[] of drivers/cxl/core/mbox.c). */
    static List<Slot> debian61() {
        return List.of(new Slot(1, 0x4000, 0, 0x43), new Slot(3, 0x0400, 0, VARIABLE), new Slot(4, 0x0200, 0, 0x50),
                new Slot(5, 0x4100, 0, 0x20), new Slot(7, 0x4200, 0, 0x12), new Slot(8, 0x0401, 0x18, VARIABLE),
                new Slot(10, 0x4103, VARIABLE, 0));
    }

    @Override
    public int ioctl(long request, Pointer arg) throws ErrnoException {
        if (failWith != 0) {
            throw new ErrnoException("ioctl", failWith);
        }
        if (request == Ioctls.CXL_MEM_QUERY_COMMANDS) {
            return query(arg);
        }
        if (request == Ioctls.CXL_MEM_SEND_COMMAND) {
            return send(arg);
        }
        throw new ErrnoException("ioctl", Errno.ENOTTY);
    }

    private int query(Pointer arg) {
        int room = arg.getInt(0);
        if (room == 0) {
            arg.setInt(0, SLOTS);
            return 0;
        }
        for (int i = 0; i < Math.min(room, SLOTS); i++) {
            Slot slot = i == RAW && rawCommands ? new Slot(RAW, 0, VARIABLE, VARIABLE) : slots.get(i);
            long at = 8 + 16L * i;
            arg.setInt(at, slot == null ? 0 : slot.id());
            arg.setInt(at + 4, 0);
            arg.setInt(at + 8, slot == null ? 0 : slot.sizeIn());
            arg.setInt(at + 12, slot == null ? 0 : slot.sizeOut());
        }
        return 0;
    }

    private int send(Pointer arg) throws ErrnoException {
        int id = arg.getInt(0);
        ids.add(id);
        int inSize = arg.getInt(16);
        int outSize = arg.getInt(32);
        int opcode;
        if (id == RAW) {
            opcode = Short.toUnsignedInt(arg.getShort(8));
            if (!rawCommands || (opcode >> 8) == 0x44) {
                throw new ErrnoException("ioctl", Errno.EPERM);
            }
        } else {
            Slot slot = slots.get(id);
            if (slot == null || !enabled.contains(id)) {
                throw new ErrnoException("ioctl", Errno.ENOTTY);
            }
            if (exclusive.contains(id)) {
                throw new ErrnoException("ioctl", Errno.EBUSY);
            }
            if ((slot.sizeIn() != VARIABLE && slot.sizeIn() != inSize)
                    || (slot.sizeOut() != VARIABLE && outSize < slot.sizeOut())) {
                throw new ErrnoException("ioctl", Errno.ENOMEM);
            }
            opcode = slot.opcode();
        }
        sent.add(new Sent(opcode, FakeKernel.userBytes(arg.getLong(24), inSize), outSize));
        Answer answer = device.apply(opcode);
        int returned = Math.min(answer.output().length, outSize);
        byte[] output = new byte[returned];
        System.arraycopy(answer.output(), 0, output, 0, returned);
        FakeKernel.copyToUser(arg.getLong(40), output);
        arg.setInt(12, answer.retval());
        arg.setInt(32, returned);
        return 0;
    }
}
