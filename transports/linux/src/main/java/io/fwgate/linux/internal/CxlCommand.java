package io.fwgate.linux.internal;

import java.util.Optional;

/**
 * The kernel's fixed CXL memory device commands: the ids of {@code CXL_CMDS} in
 * {@code include/uapi/linux/cxl_mem.h} (the enum's order) and the opcodes {@code cxl_mem_commands[]} of
 * {@code drivers/cxl/core/mbox.c} sends for them. A kernel offers a subset: {@code CXL_MEM_QUERY_COMMANDS}
 * says which; RAW exists only with {@code CONFIG_CXL_MEM_RAW_COMMANDS}. Newer kernels deprecate the
 * poison and scan media ids and stop offering them; older ones end before {@link #GET_TIMESTAMP}.
 */
enum CxlCommand {
    IDENTIFY(1, 0x4000, "Identify Command"),
    RAW(2, -1, "Raw device command"),
    GET_SUPPORTED_LOGS(3, 0x0400, "Get Supported Logs"),
    GET_FW_INFO(4, 0x0200, "Get FW Info"),
    GET_PARTITION_INFO(5, 0x4100, "Get Partition Information"),
    GET_LSA(6, 0x4102, "Get Label Storage Area"),
    GET_HEALTH_INFO(7, 0x4200, "Get Health Info"),
    GET_LOG(8, 0x0401, "Get Log"),
    SET_PARTITION_INFO(9, 0x4101, "Set Partition Information"),
    SET_LSA(10, 0x4103, "Set Label Storage Area"),
    GET_ALERT_CONFIG(11, 0x4201, "Get Alert Configuration"),
    SET_ALERT_CONFIG(12, 0x4202, "Set Alert Configuration"),
    GET_SHUTDOWN_STATE(13, 0x4203, "Get Shutdown State"),
    SET_SHUTDOWN_STATE(14, 0x4204, "Set Shutdown State"),
    GET_POISON(15, 0x4300, "Get Poison List"),
    INJECT_POISON(16, 0x4301, "Inject Poison"),
    CLEAR_POISON(17, 0x4302, "Clear Poison"),
    GET_SCAN_MEDIA_CAPS(18, 0x4303, "Get Scan Media Capabilities"),
    SCAN_MEDIA(19, 0x4304, "Scan Media"),
    GET_SCAN_MEDIA(20, 0x4305, "Get Scan Media Results"),
    GET_TIMESTAMP(21, 0x0300, "Get Timestamp"),
    GET_LOG_CAPS(22, 0x0402, "Get Log Capabilities"),
    CLEAR_LOG(23, 0x0403, "Clear Log"),
    GET_SUP_LOG_SUBLIST(24, 0x0405, "Get Supported Logs Sub-List");

    private final int id;
    private final int opcode;
    private final String title;

    CxlCommand(int id, int opcode, String title) {
        this.id = id;
        this.opcode = opcode;
        this.title = title;
    }

    /** @return the kernel's command id */
    int id() {
        return id;
    }

    /** @return the mailbox opcode the kernel sends, -1 for RAW */
    int opcode() {
        return opcode;
    }

    /** @return the kernel's name for it ({@code cxl_command_names[]}), e.g. {@code Get Health Info} */
    String title() {
        return title;
    }

    /**
     * @param opcode a mailbox opcode
     * @return the fixed command that sends it, if the kernel defines one
     */
    static Optional<CxlCommand> forOpcode(int opcode) {
        for (CxlCommand command : values()) {
            if (command.opcode == opcode) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /**
     * @param opcode a mailbox opcode
     * @return why the kernel refuses it as a RAW command even where RAW exists, if it does (FACTS:
     *         {@code cxl_disabled_raw_commands[]} and the security command sets), unless
     *         {@code cxl/raw_allow_all} is set in debugfs
     */
    static Optional<String> rawDenial(int opcode) {
        int set = opcode >> 8;
        if (set == 0x44 || set == 0x45 || set == 0x46) {
            return Optional.of(String.format("the kernel keeps command set %02xh (sanitize and security) away"
                    + " from raw commands", set));
        }
        return switch (opcode) {
            case 0x0202, 0x4101, 0x4103, 0x4204, 0x4304, 0x4305 -> Optional.of(String.format(
                    "the kernel denies opcode %04xh to raw commands: it coordinates that command itself", opcode));
            default -> Optional.empty();
        };
    }
}
