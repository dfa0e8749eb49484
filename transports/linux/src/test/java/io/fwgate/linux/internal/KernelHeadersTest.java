package io.fwgate.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.linux.internal.sys.CxlCommandInfo;
import io.fwgate.linux.internal.sys.CxlQueryCommands;
import io.fwgate.linux.internal.sys.CxlSendCommand;
import io.fwgate.linux.internal.sys.Errno;
import io.fwgate.linux.internal.sys.FwctlInfo;
import io.fwgate.linux.internal.sys.FwctlRpc;
import io.fwgate.linux.internal.sys.Ioctls;
import io.fwgate.linux.internal.sys.KernelStruct;
import io.fwgate.linux.internal.sys.NvmePassthruCmd;
import io.fwgate.linux.internal.sys.NvmePassthruCmd64;
import io.fwgate.linux.internal.sys.PollFd;
import io.fwgate.linux.internal.sys.SockaddrMctp;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * Every size, offset, ioctl number and constant the transports rely on, compared with what gcc makes of
 * this machine's kernel headers (linux-libc-dev). fwctl's headers are newer than most distributions'
 * linux-libc-dev: its layout is compared with FACTS.md, and with the headers too where they are installed.
 */
class KernelHeadersTest {
    private static final String PROGRAM = """
            #include <errno.h>
            #include <fcntl.h>
            #include <poll.h>
            #include <stddef.h>
            #include <stdio.h>
            #include <sys/ioctl.h>
            #include <sys/socket.h>
            #include <linux/cxl_mem.h>
            #include <linux/mctp.h>
            #include <linux/nvme_ioctl.h>
            #define SIZE(s) printf("sizeof %s %zu\\n", #s, sizeof(struct s));
            #define OFFSET(s, m) printf("offsetof %s.%s %zu\\n", #s, #m, offsetof(struct s, m));
            #define VALUE(v) printf("value %s %llu\\n", #v, (unsigned long long) (v));
            int main(void) {
                SIZE(cxl_send_command) OFFSET(cxl_send_command, id) OFFSET(cxl_send_command, flags)
                OFFSET(cxl_send_command, raw.opcode) OFFSET(cxl_send_command, raw.rsvd) OFFSET(cxl_send_command, rsvd)
                OFFSET(cxl_send_command, retval) OFFSET(cxl_send_command, in.size) OFFSET(cxl_send_command, in.rsvd)
                OFFSET(cxl_send_command, in.payload) OFFSET(cxl_send_command, out.size)
                OFFSET(cxl_send_command, out.rsvd) OFFSET(cxl_send_command, out.payload)
                SIZE(cxl_command_info) OFFSET(cxl_command_info, id) OFFSET(cxl_command_info, flags)
                OFFSET(cxl_command_info, size_in) OFFSET(cxl_command_info, size_out)
                SIZE(cxl_mem_query_commands) OFFSET(cxl_mem_query_commands, n_commands)
                OFFSET(cxl_mem_query_commands, rsvd) OFFSET(cxl_mem_query_commands, commands)
            #define NVME(s) SIZE(s) OFFSET(s, opcode) OFFSET(s, flags) OFFSET(s, rsvd1) OFFSET(s, nsid) \\
                OFFSET(s, cdw2) OFFSET(s, cdw3) OFFSET(s, metadata) OFFSET(s, addr) OFFSET(s, metadata_len) \\
                OFFSET(s, data_len) OFFSET(s, cdw10) OFFSET(s, cdw11) OFFSET(s, cdw12) OFFSET(s, cdw13) \\
                OFFSET(s, cdw14) OFFSET(s, cdw15) OFFSET(s, timeout_ms) OFFSET(s, result)
                NVME(nvme_passthru_cmd) NVME(nvme_passthru_cmd64) OFFSET(nvme_passthru_cmd64, rsvd2)
                SIZE(sockaddr_mctp) OFFSET(sockaddr_mctp, smctp_family) OFFSET(sockaddr_mctp, __smctp_pad0)
                OFFSET(sockaddr_mctp, smctp_network) OFFSET(sockaddr_mctp, smctp_addr)
                OFFSET(sockaddr_mctp, smctp_type) OFFSET(sockaddr_mctp, smctp_tag) OFFSET(sockaddr_mctp, __smctp_pad1)
                SIZE(pollfd) OFFSET(pollfd, fd) OFFSET(pollfd, events) OFFSET(pollfd, revents)
                VALUE(CXL_MEM_QUERY_COMMANDS) VALUE(CXL_MEM_SEND_COMMAND) VALUE(NVME_IOCTL_ADMIN_CMD)
                VALUE(NVME_IOCTL_ADMIN64_CMD) VALUE(MCTP_TAG_OWNER) VALUE(MCTP_TAG_MASK) VALUE(O_RDWR | O_CLOEXEC)
                VALUE(SOCK_DGRAM) VALUE(MSG_TRUNC) VALUE(POLLIN) VALUE(CXL_MEM_COMMAND_ID_MAX)
            #ifdef AF_MCTP
                VALUE(AF_MCTP)
            #endif
                VALUE(EPERM) VALUE(ENOENT) VALUE(EINTR) VALUE(EIO) VALUE(ENXIO) VALUE(E2BIG) VALUE(EAGAIN)
                VALUE(ENOMEM) VALUE(EACCES) VALUE(EBUSY) VALUE(ENODEV) VALUE(EINVAL) VALUE(ENOTTY)
                VALUE(EPROTONOSUPPORT) VALUE(EOPNOTSUPP) VALUE(EAFNOSUPPORT) VALUE(ENETUNREACH) VALUE(ETIMEDOUT)
                VALUE(EHOSTUNREACH)
                for (int id = 1; id < CXL_MEM_COMMAND_ID_MAX; id++)
                    printf("cxl-command %d %s\\n", id, cxl_command_names[id].name);
            #if __has_include(<fwctl/fwctl.h>)
            #include <fwctl/fwctl.h>
                SIZE(fwctl_info) OFFSET(fwctl_info, size) OFFSET(fwctl_info, flags) OFFSET(fwctl_info, out_device_type)
                OFFSET(fwctl_info, device_data_len) OFFSET(fwctl_info, out_device_data)
                SIZE(fwctl_rpc) OFFSET(fwctl_rpc, size) OFFSET(fwctl_rpc, scope) OFFSET(fwctl_rpc, in_len)
                OFFSET(fwctl_rpc, out_len) OFFSET(fwctl_rpc, in) OFFSET(fwctl_rpc, out)
                VALUE(FWCTL_INFO) VALUE(FWCTL_RPC)
            #endif
                return 0;
            }
            """;

    private static final Map<String, Long> C = new LinkedHashMap<>();

    @BeforeAll
    static void compileAgainstTheHeaders(@TempDir Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("layout.c");
        Files.writeString(source, PROGRAM);
        run(dir, "gcc", "-Wall", "-Werror", "-o", "layout", "layout.c");
        // "sizeof S N", "offsetof S.M N", "value NAME N" (NAME may hold spaces), "cxl-command ID NAME"
        for (String line : run(dir, dir.resolve("layout").toString()).split("\n")) {
            int last = line.lastIndexOf(' ');
            if (line.startsWith("cxl-command ")) {
                C.put(line, 0L);
            } else {
                C.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
            }
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    /** Asserts a structure's size and each C member's offset, given as C name, Java field pairs. */
    private static void sameLayout(String struct, KernelStruct java, String... members) {
        assertThat(java.size()).as("sizeof(struct %s)", struct).isEqualTo(C.get("sizeof " + struct).intValue());
        for (int i = 0; i < members.length; i += 2) {
            assertThat(java.offsetOf(members[i + 1])).as("offsetof(struct %s, %s)", struct, members[i])
                    .isEqualTo(C.get("offsetof " + struct + "." + members[i]).intValue());
        }
    }

    @Test
    void cxlStructuresMatchTheHeader() {
        sameLayout("cxl_send_command", new CxlSendCommand(), "id", "id", "flags", "flags", "raw.opcode", "rawOpcode",
                "raw.rsvd", "rawRsvd", "rsvd", "rawOpcode", "retval", "retval", "in.size", "inSize", "in.rsvd", "inRsvd",
                "in.payload", "inPayload", "out.size", "outSize", "out.rsvd", "outRsvd", "out.payload", "outPayload");
        sameLayout("cxl_command_info", new CxlCommandInfo(), "id", "id", "flags", "flags", "size_in", "sizeIn",
                "size_out", "sizeOut");
        sameLayout("cxl_mem_query_commands", new CxlQueryCommands(), "n_commands", "nCommands", "rsvd", "rsvd");
        assertThat((long) CxlQueryCommands.COMMANDS_OFFSET).isEqualTo(C.get("offsetof cxl_mem_query_commands.commands"));
        assertThat((long) CxlCommandInfo.SIZE).isEqualTo(C.get("sizeof cxl_command_info"));
    }

    @Test
    void nvmeStructuresMatchTheHeader() {
        String[] common = { "opcode", "opcode", "flags", "flags", "rsvd1", "rsvd1", "nsid", "nsid", "cdw2", "cdw2",
                "cdw3", "cdw3", "metadata", "metadata", "addr", "addr", "metadata_len", "metadataLen", "data_len",
                "dataLen", "cdw10", "cdw10", "cdw11", "cdw11", "cdw12", "cdw12", "cdw13", "cdw13", "cdw14", "cdw14",
                "cdw15", "cdw15", "timeout_ms", "timeoutMs", "result", "result" };
        sameLayout("nvme_passthru_cmd", new NvmePassthruCmd(), common);
        sameLayout("nvme_passthru_cmd64", new NvmePassthruCmd64(), common);
        sameLayout("nvme_passthru_cmd64", new NvmePassthruCmd64(), "rsvd2", "rsvd2");
    }

    @Test
    void socketStructuresMatchTheHeaders() {
        sameLayout("sockaddr_mctp", new SockaddrMctp(), "smctp_family", "family", "__smctp_pad0", "pad0",
                "smctp_network", "network", "smctp_addr", "addr", "smctp_type", "type", "smctp_tag", "tag",
                "__smctp_pad1", "pad1");
        sameLayout("pollfd", new PollFd(), "fd", "fd", "events", "events", "revents", "revents");
    }

    @Test
    void ioctlNumbersAndConstantsMatchTheHeaders() {
        assertThat(Map.of("CXL_MEM_QUERY_COMMANDS", Ioctls.CXL_MEM_QUERY_COMMANDS, "CXL_MEM_SEND_COMMAND",
                Ioctls.CXL_MEM_SEND_COMMAND, "NVME_IOCTL_ADMIN_CMD", Ioctls.NVME_IOCTL_ADMIN_CMD,
                "NVME_IOCTL_ADMIN64_CMD", Ioctls.NVME_IOCTL_ADMIN64_CMD, "MCTP_TAG_OWNER", (long) SockaddrMctp.TAG_OWNER,
                "MCTP_TAG_MASK", (long) SockaddrMctp.TAG_MASK, "O_RDWR | O_CLOEXEC", (long) Syscalls.OPEN_READ_WRITE,
                "SOCK_DGRAM", (long) Syscalls.SOCK_DGRAM, "MSG_TRUNC", (long) Syscalls.MSG_TRUNC,
                "POLLIN", (long) Syscalls.POLLIN)).allSatisfy((name, java) ->
                        assertThat(java).as(name).isEqualTo(C.get("value " + name)));
        if (C.containsKey("value AF_MCTP")) {
            assertThat((long) SockaddrMctp.AF_MCTP).isEqualTo(C.get("value AF_MCTP"));
        }
        assertThat(SockaddrMctp.AF_MCTP).as("AF_MCTP in FACTS.md").isEqualTo(45);
    }

    @Test
    void errnoValuesMatchTheHeaders() {
        List.of("EPERM", "ENOENT", "EINTR", "EIO", "ENXIO", "E2BIG", "EAGAIN", "ENOMEM", "EACCES", "EBUSY", "ENODEV",
                "EINVAL", "ENOTTY", "EPROTONOSUPPORT", "EOPNOTSUPP", "EAFNOSUPPORT", "ENETUNREACH", "ETIMEDOUT",
                "EHOSTUNREACH").forEach(name -> assertThat(Errno.name(C.get("value " + name).intValue())).isEqualTo(name));
    }

    @Test
    void cxlCommandIdsAreTheHeadersCommandList() {
        long max = C.get("value CXL_MEM_COMMAND_ID_MAX");
        assertThat(max).as("this machine's header lists no more ids than fwgate knows").isLessThanOrEqualTo(
                CxlCommand.values().length + 1);
        for (CxlCommand command : CxlCommand.values()) {
            if (command.id() < max) {
                String key = "cxl-command " + command.id() + " ";
                assertThat(C.keySet()).as("id %d", command.id()).anySatisfy(line -> assertThat(line)
                        .isIn(key + command.title(), key + "Deprecated " + command.title()));
            }
        }
    }

    @Test
    void fwctlMatchesFactsAndTheHeadersWhereInstalled() {
        sameLayoutAsFacts(new FwctlInfo(), 24, "size", 0, "flags", 4, "outDeviceType", 8, "deviceDataLen", 12,
                "outDeviceData", 16);
        sameLayoutAsFacts(new FwctlRpc(), 32, "size", 0, "scope", 4, "inLen", 8, "outLen", 12, "in", 16, "out", 24);
        assertThat(Ioctls.FWCTL_INFO).as("_IO(0x9A, 0)").isEqualTo(0x9A00);
        assertThat(Ioctls.FWCTL_RPC).as("_IO(0x9A, 1)").isEqualTo(0x9A01);
        assertThat(FwctlClient.CXL_IN_HEADER).as("struct fwctl_rpc_cxl's header").isEqualTo(16);
        assertThat(FwctlClient.CXL_OUT_HEADER).as("struct fwctl_rpc_cxl_out's header").isEqualTo(8);
        if (C.containsKey("sizeof fwctl_info")) {
            sameLayout("fwctl_info", new FwctlInfo(), "size", "size", "flags", "flags", "out_device_type",
                    "outDeviceType", "device_data_len", "deviceDataLen", "out_device_data", "outDeviceData");
            sameLayout("fwctl_rpc", new FwctlRpc(), "size", "size", "scope", "scope", "in_len", "inLen", "out_len",
                    "outLen", "in", "in", "out", "out");
            assertThat(Ioctls.FWCTL_INFO).isEqualTo(C.get("value FWCTL_INFO"));
            assertThat(Ioctls.FWCTL_RPC).isEqualTo(C.get("value FWCTL_RPC"));
        }
    }

    private static void sameLayoutAsFacts(KernelStruct java, int size, Object... fieldOffsets) {
        assertThat(java.size()).isEqualTo(size);
        for (int i = 0; i < fieldOffsets.length; i += 2) {
            assertThat(java.offsetOf((String) fieldOffsets[i])).as((String) fieldOffsets[i])
                    .isEqualTo(fieldOffsets[i + 1]);
        }
    }
}
