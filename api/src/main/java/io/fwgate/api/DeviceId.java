package io.fwgate.api;

import java.util.regex.Pattern;

/**
 * A device's address, written {@code <transport>:<address>}, for example {@code emu:mem0},
 * {@code cxl:mem0}, {@code nvme:nvme0} or {@code mctp:1,8}. Immutable and thread-safe.
 *
 * @param transport the scheme of the transport that reaches the device, lower case
 * @param address the device's address within that transport
 */
public record DeviceId(String transport, String address) {
    private static final Pattern TRANSPORT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._,/-]{1,200}");

    /**
     * @throws IllegalArgumentException if either part is malformed
     */
    public DeviceId {
        if (transport == null || !TRANSPORT.matcher(transport).matches()) {
            throw new IllegalArgumentException("bad transport name '" + transport + "' in device id");
        }
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("bad device address '" + address + "' in device id");
        }
    }

    /**
     * @param text a device id such as {@code emu:mem0}
     * @return the parsed id
     * @throws IllegalArgumentException if {@code text} is not of the form {@code <transport>:<address>}
     */
    public static DeviceId parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("device id '" + text + "' is not of the form <transport>:<address>");
        }
        return new DeviceId(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return transport + ":" + address;
    }
}
