package io.fwgate.linux.internal.sys;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code struct nvme_passthru_cmd} of {@code include/uapi/linux/nvme_ioctl.h} ({@code nvme_admin_cmd}),
 * the argument of {@code NVME_IOCTL_ADMIN_CMD}, with a 32-bit result. 72 bytes.
 */
@FieldOrder({ "opcode", "flags", "rsvd1", "nsid", "cdw2", "cdw3", "metadata", "addr", "metadataLen", "dataLen",
        "cdw10", "cdw11", "cdw12", "cdw13", "cdw14", "cdw15", "timeoutMs", "result" })
public final class NvmePassthruCmd extends KernelStruct {
    /** The admin opcode. */
    public byte opcode;
    /** Command flags, 0. */
    public byte flags;
    /** Reserved. */
    public short rsvd1;
    /** Namespace id. */
    public int nsid;
    /** Command dword 2. */
    public int cdw2;
    /** Command dword 3. */
    public int cdw3;
    /** Metadata buffer address, 0. */
    public long metadata;
    /** Data buffer address. */
    public long addr;
    /** Metadata bytes, 0. */
    public int metadataLen;
    /** Data buffer bytes. */
    public int dataLen;
    /** Command dword 10. */
    public int cdw10;
    /** Command dword 11. */
    public int cdw11;
    /** Command dword 12. */
    public int cdw12;
    /** Command dword 13. */
    public int cdw13;
    /** Command dword 14. */
    public int cdw14;
    /** Command dword 15. */
    public int cdw15;
    /** Timeout in milliseconds; 0 for the kernel's admin timeout. */
    public int timeoutMs;
    /** Output: completion dword 0. */
    public int result;

    /** A zeroed command. */
    public NvmePassthruCmd() {
    }

    /** @param memory an existing command, e.g. as a kernel fake sees it */
    public NvmePassthruCmd(Pointer memory) {
        super(memory);
        read();
    }
}
