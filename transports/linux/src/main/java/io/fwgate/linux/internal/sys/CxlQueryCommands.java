package io.fwgate.linux.internal.sys;

import com.sun.jna.Structure.FieldOrder;

/**
 * The fixed part of {@code struct cxl_mem_query_commands} of {@code include/uapi/linux/cxl_mem.h}; the
 * flexible array of {@link CxlCommandInfo} follows at {@link #COMMANDS_OFFSET}. 8 bytes.
 */
@FieldOrder({ "nCommands", "rsvd" })
public final class CxlQueryCommands extends KernelStruct {
    /** Where {@code commands[]} starts. */
    public static final int COMMANDS_OFFSET = 8;

    /** In: room for this many entries (0: only count them). Out: how many the kernel has. */
    public int nCommands;
    /** Reserved, 0. */
    public int rsvd;
}
