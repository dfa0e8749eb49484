package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct cxl_send_command} of {@code include/uapi/linux/cxl_mem.h}, the argument of
 * {@code CXL_MEM_SEND_COMMAND}. The union of {@code raw} and {@code rsvd} is flattened to the raw
 * view; the nested {@code in} and {@code out} structures to their members. 48 bytes.
 */
@FieldOrder({ "id", "flags", "rawOpcode", "rawRsvd", "retval", "inSize", "inRsvd", "inPayload", "outSize",
        "outRsvd", "outPayload" })
public final class CxlSendCommand extends KernelStruct {
    /** The kernel's fixed command id, or {@code CXL_MEM_COMMAND_ID_RAW}. */
    public int id;
    /** Command flags, 0. */
    public int flags;
    /** {@code raw.opcode}: the opcode of a RAW command. */
    public short rawOpcode;
    /** {@code raw.rsvd}: must be 0. */
    public short rawRsvd;
    /** Output: the device's return code. */
    public int retval;
    /** {@code in.size}: input payload bytes. */
    public int inSize;
    /** {@code in.rsvd}: must be 0. */
    public int inRsvd;
    /** {@code in.payload}: address of the input payload. */
    public long inPayload;
    /** {@code out.size}: in, the room for output; out, the bytes the device returned. */
    public int outSize;
    /** {@code out.rsvd}: must be 0. */
    public int outRsvd;
    /** {@code out.payload}: address of the output buffer. */
    public long outPayload;

    /** A zeroed command. */
    public CxlSendCommand() {
    }

    /** @param memory an existing command, e.g. as a kernel fake sees it */
    public CxlSendCommand(Pointer memory) {
        super(memory);
        read();
    }
}
