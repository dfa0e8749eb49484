package io.fwgate.cli.internal;

import io.fwgate.api.DeviceId;
import io.fwgate.daemon.protocol.Wire;

/**
 * A background operation a call started, written {@code DEVICE:OPCODE:AUDIT-SEQUENCE}, e.g.
 * {@code emu:mem0:0x4400:17}: the device to poll, the operation to expect there, and the audit record of
 * the call that started it. Immutable.
 *
 * @param device the device
 * @param opcode the operation's opcode
 * @param auditSequence the sequence number of the starting call's result record
 */
record Handle(DeviceId device, int opcode, long auditSequence) {
    /**
     * @param text a handle as {@link #toString()} writes it
     * @return the handle
     * @throws IllegalArgumentException if the text is not a handle; the message shows the form
     */
    static Handle parse(String text) {
        int last = text.lastIndexOf(':');
        int middle = last <= 0 ? -1 : text.lastIndexOf(':', last - 1);
        if (middle <= 0) {
            throw new IllegalArgumentException(notAHandle(text));
        }
        try {
            String opcode = text.substring(middle + 1, last);
            if (!opcode.startsWith("0x")) {
                throw new IllegalArgumentException(notAHandle(text));
            }
            return new Handle(DeviceId.parse(text.substring(0, middle)), Integer.parseInt(opcode.substring(2), 16),
                    Long.parseLong(text.substring(last + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notAHandle(text), e);
        }
    }

    private static String notAHandle(String text) {
        return "'" + text + "' is not a handle of the form DEVICE:OPCODE:AUDIT-SEQUENCE, e.g. emu:mem0:0x4400:17";
    }

    @Override
    public String toString() {
        return device + ":" + Wire.opcode(opcode) + ":" + auditSequence;
    }
}
