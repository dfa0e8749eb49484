package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct cxl_command_info} of {@code include/uapi/linux/cxl_mem.h}: one entry of
 * {@code CXL_MEM_QUERY_COMMANDS}'s answer. Sizes of {@link #VARIABLE} mean "any". 16 bytes.
 */
@FieldOrder({ "id", "flags", "sizeIn", "sizeOut" })
public final class CxlCommandInfo extends KernelStruct {
    /** The size of one entry in the query's array. */
    public static final int SIZE = 16;
    /** {@code ~0}: the command takes or returns a variable number of bytes. */
    public static final int VARIABLE = -1;

    /** The kernel's command id; 0 for a slot the running kernel does not fill. */
    public int id;
    /** {@code CXL_MEM_COMMAND_FLAG_*} (newer kernels: bit 0 enabled, bit 1 exclusive). */
    public int flags;
    /** Input bytes the command requires, or {@link #VARIABLE}. */
    public int sizeIn;
    /** Output bytes the command returns at least, or {@link #VARIABLE}. */
    public int sizeOut;

    /** A zeroed entry. */
    public CxlCommandInfo() {
    }

    /** @param memory an entry of a query answer */
    public CxlCommandInfo(Pointer memory) {
        super(memory);
        read();
    }
}
