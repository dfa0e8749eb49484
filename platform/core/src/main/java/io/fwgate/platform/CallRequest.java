package io.fwgate.platform;

import java.util.Map;
import java.util.Objects;

import io.fwgate.api.DeviceId;

/**
 * A command to run. Immutable.
 *
 * @param device the target device
 * @param command a command name from the device's tables, or an opcode ({@code 0x4300}) for a raw call
 * @param arguments argument values as typed; a raw call takes {@code payload} as hex bytes
 * @param confirm the caller confirmed a destructive or fabric-reaching command
 */
public record CallRequest(DeviceId device, String command, Map<String, String> arguments, boolean confirm) {
    public CallRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(command, "command");
        arguments = Map.copyOf(arguments);
    }
}
