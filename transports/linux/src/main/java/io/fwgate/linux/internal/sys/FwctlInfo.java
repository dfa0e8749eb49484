package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct fwctl_info} of {@code include/uapi/fwctl/fwctl.h}, the argument of {@code FWCTL_INFO}.
 * Extensible: {@link #size} carries the structure's size. 24 bytes.
 */
@FieldOrder({ "size", "flags", "outDeviceType", "deviceDataLen", "outDeviceData" })
public final class FwctlInfo extends KernelStruct {
    /** {@code sizeof(struct fwctl_info)}. */
    public static final int SIZE = 24;

    /** The structure's size, {@link #SIZE}. */
    public int size;
    /** Flags, 0. */
    public int flags;
    /** Output: {@code enum fwctl_device_type}. */
    public int outDeviceType;
    /** In: room at {@link #outDeviceData}; out: the driver's data size. */
    public int deviceDataLen;
    /** Address of a buffer for the driver's data, 0 for none. */
    public long outDeviceData;

    /** A zeroed structure. */
    public FwctlInfo() {
    }

    /** @param memory an existing structure, e.g. as a kernel fake sees it */
    public FwctlInfo(Pointer memory) {
        super(memory);
        read();
    }
}
