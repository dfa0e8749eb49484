package io.fwgate.emulator.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Get Log Page (02h) for Error Information (01h), SMART / Health Information (02h), Firmware Slot
 * Information (03h), Commands Supported and Effects (05h) and Sanitize Status (81h). Every log is
 * controller-wide (LPA bit 0 clear), so the NSID must be 0h or FFFFFFFFh.
 */
final class LogPageCommands implements AdminCommandSet {
    static final int GET_LOG_PAGE = 0x02;
    static final int ERROR_INFORMATION = 0x01;
    static final int SMART_HEALTH = 0x02;
    static final int FIRMWARE_SLOT = 0x03;
    static final int COMMANDS_SUPPORTED_AND_EFFECTS = 0x05;
    static final int SANITIZE_STATUS = 0x81;

    private final Map<Integer, Supplier<byte[]>> logs;

    /**
     * @param logs the content of each supported log, by log identifier
     */
    LogPageCommands(Map<Integer, Supplier<byte[]>> logs) {
        this.logs = Map.copyOf(logs);
    }

    @Override
    public List<NvmeCommand> commands() {
        return List.of(NvmeCommand.reader(GET_LOG_PAGE, "Get Log Page", this::get));
    }

    /**
     * LID cdw10 bits 7:0; dword count (0-based) NUMDL cdw10 bits 31:16 and NUMDU cdw11 bits 15:0; byte
     * offset LPOL cdw12 and LPOU cdw13, dword aligned. The controller transfers the requested range, cut
     * at the end of the log; an offset at or past the end is an invalid field.
     */
    private NvmeAnswer get(NvmeInput input) {
        Supplier<byte[]> log = logs.get(input.bits(10, 7, 0));
        if (log == null) {
            return NvmeAnswer.of(NvmeStatus.INVALID_LOG_PAGE);
        }
        long length = ((long) input.bits(11, 15, 0) << 16 | input.bits(10, 31, 16)) * 4 + 4;
        long offset = input.cdw(13) << 32 | input.cdw(12);
        boolean controllerWide = input.nsid() == 0 || input.nsid() == NvmeInput.ALL_NAMESPACES;
        if (!controllerWide || offset % 4 != 0 || length > input.dataLength()) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        byte[] content = log.get();
        if (offset >= content.length) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        int end = (int) Math.min(content.length, offset + length);
        return NvmeAnswer.ok(Arrays.copyOfRange(content, (int) offset, end));
    }
}
