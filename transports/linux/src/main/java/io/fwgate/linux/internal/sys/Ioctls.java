package io.fwgate.linux.internal.sys;

/**
 * The ioctl request numbers the transports use, encoded as Linux's {@code _IOC} macros encode them on
 * x86 and most other architectures: direction in bits 31:30 (1 write, 2 read), argument size in bits
 * 29:16, type in 15:8, number in 7:0. The layout test compares each with the C headers.
 */
public final class Ioctls {
    private static final int WRITE = 1;
    private static final int READ = 2;

    /** {@code _IOR(0xCE, 1, struct cxl_mem_query_commands)}. */
    public static final long CXL_MEM_QUERY_COMMANDS = encode(READ, 0xCE, 1, 8);
    /** {@code _IOWR(0xCE, 2, struct cxl_send_command)}. */
    public static final long CXL_MEM_SEND_COMMAND = encode(READ | WRITE, 0xCE, 2, 48);
    /** {@code _IOWR('N', 0x41, struct nvme_admin_cmd)}. */
    public static final long NVME_IOCTL_ADMIN_CMD = encode(READ | WRITE, 'N', 0x41, 72);
    /** {@code _IOWR('N', 0x47, struct nvme_passthru_cmd64)}. */
    public static final long NVME_IOCTL_ADMIN64_CMD = encode(READ | WRITE, 'N', 0x47, 80);
    /** {@code _IO(0x9A, 0)}: the structure's size travels in its first u32. */
    public static final long FWCTL_INFO = encode(0, 0x9A, 0, 0);
    /** {@code _IO(0x9A, 1)}. */
    public static final long FWCTL_RPC = encode(0, 0x9A, 1, 0);

    private Ioctls() {
    }

    private static long encode(int direction, int type, int number, int size) {
        return ((long) direction << 30) | ((long) size << 16) | ((long) type << 8) | number;
    }

    /**
     * @param request an ioctl request number of this class
     * @return its macro name, for messages
     */
    public static String name(long request) {
        if (request == CXL_MEM_QUERY_COMMANDS) {
            return "CXL_MEM_QUERY_COMMANDS";
        } else if (request == CXL_MEM_SEND_COMMAND) {
            return "CXL_MEM_SEND_COMMAND";
        } else if (request == NVME_IOCTL_ADMIN_CMD) {
            return "NVME_IOCTL_ADMIN_CMD";
        } else if (request == NVME_IOCTL_ADMIN64_CMD) {
            return "NVME_IOCTL_ADMIN64_CMD";
        } else if (request == FWCTL_INFO) {
            return "FWCTL_INFO";
        } else if (request == FWCTL_RPC) {
            return "FWCTL_RPC";
        }
        return String.format("ioctl 0x%08x", request);
    }
}
