package io.fwgate.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a transport knows about one device: its id, its kind and its identity. Immutable.
 *
 * @param id the device's id
 * @param kind what kind of device it is
 * @param pciVendorId the PCI vendor id, or -1 when unknown
 * @param pciDeviceId the PCI device id, or -1 when unknown
 * @param serial the device's serial number, when known
 * @param description a short human description (model, firmware), possibly empty
 */
public record DeviceInfo(DeviceId id, DeviceKind kind, int pciVendorId, int pciDeviceId,
        Optional<String> serial, String description) {

    /**
     * @throws NullPointerException if any reference is null
     */
    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(description, "description");
    }
}
