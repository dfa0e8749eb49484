package io.fwgate.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.fwgate.api.DeviceId;

/**
 * What a device answered to one command the harness ran. A failure status is an outcome, not an
 * exception, as in the platform. Immutable.
 *
 * @param device the device that answered
 * @param command the command's name
 * @param opcode the opcode sent
 * @param status the device's return code (CXL return code, NVMe {@code SCT << 8 | SC}); 0 is success
 * @param statusName the spec's name for {@code status}, as {@code fwgate call} prints it
 *        ({@code success}, {@code invalid-input}, {@code invalid-field-in-command}, ...)
 * @param values the decoded response in table order; empty unless the status is success
 */
public record CallOutcome(DeviceId device, String command, int opcode, int status, String statusName,
        Map<String, Object> values) {
    /**
     * @throws NullPointerException if a reference is null
     */
    public CallOutcome {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(statusName, "statusName");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return true if the device reported success */
    public boolean ok() {
        return status == 0;
    }

    /**
     * @param name a response field's name
     * @return its decoded value
     * @throws IllegalArgumentException if the response has no such field; the message lists the fields
     */
    public Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(command + " on " + device + " answered " + statusName
                    + " with no field '" + name + "' (fields: " + values.keySet() + ")");
        }
        return values.get(name);
    }
}
