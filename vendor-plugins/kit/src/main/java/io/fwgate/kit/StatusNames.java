package io.fwgate.kit;

import java.util.List;
import java.util.Map;

import io.fwgate.api.DeviceKind;

/**
 * The names {@code fwgate call} prints for device return codes, so a harness outcome reads the same:
 * CXL mailbox return codes 0000h to 001Eh (CXL 3.x "Command Return Codes", Linux
 * {@code CXL_MBOX_CMD_RC_*}) and NVMe status fields {@code SCT << 8 | SC} (Linux {@code NVME_SC_*}).
 */
final class StatusNames {
    private static final List<String> CXL = List.of("success", "background-command-started", "invalid-input",
            "unsupported", "internal-error", "retry-required", "busy", "media-disabled", "fw-transfer-in-progress",
            "fw-transfer-out-of-order", "fw-verification-failed", "invalid-slot", "activation-failed-fw-rolled-back",
            "activation-failed-cold-reset-required", "invalid-handle", "invalid-physical-address",
            "inject-poison-limit-reached", "permanent-media-failure", "aborted", "invalid-security-state",
            "incorrect-passphrase", "unsupported-mailbox-or-cci", "invalid-payload-length", "invalid-log",
            "interrupted", "unsupported-feature-version", "unsupported-feature-selection-value",
            "feature-transfer-in-progress", "feature-transfer-out-of-order", "resources-exhausted",
            "invalid-extent-list");

    private static final Map<Integer, String> NVME = Map.ofEntries(Map.entry(0x0001, "invalid-command-opcode"),
            Map.entry(0x0002, "invalid-field-in-command"), Map.entry(0x0003, "command-id-conflict"),
            Map.entry(0x0004, "data-transfer-error"), Map.entry(0x0006, "internal-error"),
            Map.entry(0x0007, "command-abort-requested"), Map.entry(0x000b, "invalid-namespace-or-format"),
            Map.entry(0x000c, "command-sequence-error"), Map.entry(0x0015, "operation-denied"),
            Map.entry(0x001c, "sanitize-failed"), Map.entry(0x001d, "sanitize-in-progress"),
            Map.entry(0x0106, "invalid-firmware-slot"), Map.entry(0x0107, "invalid-firmware-image"),
            Map.entry(0x0109, "invalid-log-page"), Map.entry(0x010a, "invalid-format"),
            Map.entry(0x010d, "feature-identifier-not-saveable"), Map.entry(0x010e, "feature-not-changeable"),
            Map.entry(0x010f, "feature-not-namespace-specific"), Map.entry(0x0114, "overlapping-range"));

    private StatusNames() {
    }

    /**
     * @param kind the answering device's kind
     * @param status its return code
     * @return the spec's name for it, or {@code status-0x....} for a code without one here
     */
    static String of(DeviceKind kind, int status) {
        if (status == 0) {
            return "success";
        }
        boolean cxl = kind == DeviceKind.CXL_MEMORY_DEVICE || kind == DeviceKind.CXL_SWITCH;
        if (cxl && status > 0 && status < CXL.size()) {
            return CXL.get(status);
        }
        if (kind == DeviceKind.NVME_CONTROLLER && NVME.containsKey(status)) {
            return NVME.get(status);
        }
        return String.format("status-0x%04x", status);
    }
}
