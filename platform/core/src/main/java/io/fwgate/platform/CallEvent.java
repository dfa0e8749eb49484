package io.fwgate.platform;

import java.util.Map;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Level;

/**
 * One judged call, as observers see it. Immutable.
 *
 * @param device the device
 * @param command the command name (or raw opcode)
 * @param plugin the plugin that declared it, empty for raw calls
 * @param level the level the gate required
 * @param decision {@code allowed} or {@code refused}
 * @param outcome {@code success}, {@code device-error}, {@code delivery-failed}, {@code undecodable} or
 *        {@code refused}
 * @param nanos time from the gate's decision to the durable result record
 * @param response the decoded response of a successful call, else empty
 */
public record CallEvent(DeviceInfo device, String command, String plugin, Level level, String decision,
        String outcome, long nanos, Map<String, Object> response) {
    public CallEvent {
        response = Map.copyOf(response);
    }
}
