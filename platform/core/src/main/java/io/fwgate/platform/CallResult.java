package io.fwgate.platform;

import java.util.Map;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * A device's answer to one call. A non-zero {@code status} is the device's failure, not fwgate's.
 *
 * @param device the device
 * @param command the command name ({@code raw} plus opcode for raw calls)
 * @param opcode the opcode sent
 * @param level the level the gate required
 * @param reach the reach the gate required
 * @param status the device's return code, 0 for success
 * @param statusName the return code's name from the spec, e.g. {@code success}, {@code invalid-input}
 * @param response the decoded response (empty when the device failed); raw calls give {@code payload}
 * @param auditSequence the sequence number of the result's audit record
 */
public record CallResult(DeviceId device, String command, int opcode, Level level, Reach reach, int status,
        String statusName, Map<String, Object> response, long auditSequence) {
    /** @return true if the device reported success (including a background operation started) */
    public boolean ok() {
        return status == 0 || "background-command-started".equals(statusName);
    }
}
