package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct fwctl_rpc} of {@code include/uapi/fwctl/fwctl.h}, the argument of {@code FWCTL_RPC}.
 * Extensible: {@link #size} carries the structure's size. 32 bytes.
 */
@FieldOrder({ "size", "scope", "inLen", "outLen", "in", "out" })
public final class FwctlRpc extends KernelStruct {
    /** {@code sizeof(struct fwctl_rpc)}. */
    public static final int SIZE = 32;

    /** The structure's size, {@link #SIZE}. */
    public int size;
    /** {@code enum fwctl_rpc_scope}: the scope the caller asks the RPC to run in. */
    public int scope;
    /** Request bytes at {@link #in}. */
    public int inLen;
    /** In: room at {@link #out}; out: the response's bytes. */
    public int outLen;
    /** Address of the request, in the device type's format. */
    public long in;
    /** Address of the response buffer. */
    public long out;

    /** A zeroed structure. */
    public FwctlRpc() {
    }

    /** @param memory an existing structure, e.g. as a kernel fake sees it */
    public FwctlRpc(Pointer memory) {
        super(memory);
        read();
    }
}
