package io.fwgate.mctp;

import java.util.Objects;

/**
 * A serial line with an MCTP endpoint at its other end, as {@code mctp-serial:PATH,EID} addresses it.
 * Register an instance as an OSGi service of this type (whiteboard) to have the {@code mctp-serial}
 * transport open the line, discover the endpoint and list it; unregister it before the line goes away.
 * Immutable.
 *
 * @param path the serial device or pseudo-terminal, an absolute path such as {@code /dev/ttyS1} or
 *        {@code /dev/pts/3}
 * @param eid the endpoint's MCTP endpoint id, 8 to 254 (0 to 7 are reserved, 255 is broadcast)
 */
public record MctpSerialLink(String path, int eid) {
    /**
     * @throws IllegalArgumentException if the path is not absolute or cannot appear in a device id, or
     *         the EID is out of range
     */
    public MctpSerialLink {
        Objects.requireNonNull(path, "path");
        if (!path.matches("/[A-Za-z0-9._/-]{1,180}")) {
            throw new IllegalArgumentException("serial line '" + path + "' is not an absolute path of letters, digits,"
                    + " '.', '_', '-' and '/'");
        }
        if (eid < 8 || eid > 254) {
            throw new IllegalArgumentException("MCTP endpoint id " + eid + " is out of range (8 to 254)");
        }
    }

    /** @return the device id's address, {@code PATH,EID} */
    public String address() {
        return path + "," + eid;
    }
}
