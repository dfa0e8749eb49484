package io.fwgate.emulator.internal;

/**
 * The CXL mailbox return codes the emulated device uses (CXL 3.x "Command Return Codes", the same
 * numbering as Linux {@code CXL_MBOX_CMD_RC_*} in drivers/cxl/cxlmem.h).
 */
enum CxlReturnCode {
    SUCCESS(0x00),
    BACKGROUND_COMMAND_STARTED(0x01),
    INVALID_INPUT(0x02),
    UNSUPPORTED(0x03),
    BUSY(0x06),
    MEDIA_DISABLED(0x07),
    INVALID_HANDLE(0x0e),
    INVALID_PAYLOAD_LENGTH(0x16),
    INVALID_LOG(0x17),
    UNSUPPORTED_FEATURE_VERSION(0x19),
    UNSUPPORTED_FEATURE_SELECTION_VALUE(0x1a);

    private final int code;

    CxlReturnCode(int code) {
        this.code = code;
    }

    /** @return the value of the mailbox's return code field */
    int code() {
        return code;
    }
}
