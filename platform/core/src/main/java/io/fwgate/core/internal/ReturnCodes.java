package io.fwgate.core.internal;

import java.util.List;

import io.fwgate.api.DeviceKind;

/** Names of device return codes, per family, as the specs define them. */
final class ReturnCodes {
    /** CXL mailbox return codes 0000h..001Eh, in order (CXL 3.x, "Command Return Codes"). */
    private static final List<String> CXL = List.of("success", "background-command-started", "invalid-input",
            "unsupported", "internal-error", "retry-required", "busy", "media-disabled", "fw-transfer-in-progress",
            "fw-transfer-out-of-order", "fw-verification-failed", "invalid-slot", "activation-failed-fw-rolled-back",
            "activation-failed-cold-reset-required", "invalid-handle", "invalid-physical-address",
            "inject-poison-limit-reached", "permanent-media-failure", "aborted", "invalid-security-state",
            "incorrect-passphrase", "unsupported-mailbox-or-cci", "invalid-payload-length", "invalid-log",
            "interrupted", "unsupported-feature-version", "unsupported-feature-selection-value",
            "feature-transfer-in-progress", "feature-transfer-out-of-order", "resources-exhausted",
            "invalid-extent-list");

    /** NVMe status field values, {@code SCT << 8 | SC}, for generic (0) and command specific (1) types. */
    private static final java.util.Map<Integer, String> NVME = java.util.Map.ofEntries(
            java.util.Map.entry(0x0001, "invalid-command-opcode"), java.util.Map.entry(0x0002, "invalid-field-in-command"),
            java.util.Map.entry(0x0003, "command-id-conflict"), java.util.Map.entry(0x0004, "data-transfer-error"),
            java.util.Map.entry(0x0006, "internal-error"), java.util.Map.entry(0x0007, "command-abort-requested"),
            java.util.Map.entry(0x000b, "invalid-namespace-or-format"), java.util.Map.entry(0x000c, "command-sequence-error"),
            java.util.Map.entry(0x000d, "invalid-sgl-segment-descriptor"), java.util.Map.entry(0x0015, "operation-denied"),
            java.util.Map.entry(0x001d, "sanitize-in-progress"), java.util.Map.entry(0x001c, "sanitize-failed"),
            java.util.Map.entry(0x0106, "invalid-firmware-slot"), java.util.Map.entry(0x0107, "invalid-firmware-image"),
            java.util.Map.entry(0x0109, "invalid-log-page"), java.util.Map.entry(0x010a, "invalid-format"),
            java.util.Map.entry(0x010b, "firmware-activation-requires-conventional-reset"),
            java.util.Map.entry(0x010d, "feature-identifier-not-saveable"),
            java.util.Map.entry(0x010e, "feature-not-changeable"), java.util.Map.entry(0x0114, "overlapping-range"));

    /** CXL: the command continues in the background; success so far. */
    static final int CXL_BACKGROUND_STARTED = 1;

    private ReturnCodes() {
    }

    /**
     * @param kind the device's kind
     * @param status its return code
     * @return the spec's name for it
     */
    static String name(DeviceKind kind, int status) {
        if (status == 0) {
            return "success";
        }
        if ((kind == DeviceKind.CXL_MEMORY_DEVICE || kind == DeviceKind.CXL_SWITCH) && status > 0
                && status < CXL.size()) {
            return CXL.get(status);
        }
        if (kind == DeviceKind.NVME_CONTROLLER && NVME.containsKey(status)) {
            return NVME.get(status);
        }
        return String.format("status-0x%04x", status);
    }
}
