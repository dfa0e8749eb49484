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
        return String.format("status-0x%04x", status);
    }
}
