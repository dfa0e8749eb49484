package io.fwgate.emulator.internal;

/**
 * The NVMe status codes the emulated controllers use, as the Status Field's SCT and SC: the value is
 * {@code SCT << 8 | SC}, the numbering of Linux {@code NVME_SC_*} in include/linux/nvme.h (generic
 * command status is SCT 0, command specific status SCT 1).
 */
enum NvmeStatus {
    SUCCESS(0x000),
    INVALID_COMMAND_OPCODE(0x001),
    INVALID_FIELD(0x002),
    INVALID_NAMESPACE(0x00b),
    SANITIZE_IN_PROGRESS(0x01d),
    INVALID_FIRMWARE_SLOT(0x106),
    INVALID_FIRMWARE_IMAGE(0x107),
    INVALID_LOG_PAGE(0x109),
    INVALID_FORMAT(0x10a),
    FEATURE_NOT_SAVEABLE(0x10d),
    FEATURE_NOT_NAMESPACE_SPECIFIC(0x10f),
    OVERLAPPING_RANGE(0x114);

    private final int value;

    NvmeStatus(int value) {
        this.value = value;
    }

    /** @return {@code SCT << 8 | SC}, the value a {@code DeviceResponse} carries */
    int value() {
        return value;
    }
}
