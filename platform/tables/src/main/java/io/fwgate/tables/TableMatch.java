package io.fwgate.tables;

import java.util.Set;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

/**
 * Which devices a table applies to: a device matches when its kind is one of {@code kinds} and, if
 * {@code pciVendorIds} is not empty, its PCI vendor id is one of them.
 *
 * @param kinds device kinds, not empty
 * @param pciVendorIds PCI vendor ids, empty for any vendor
 */
public record TableMatch(Set<DeviceKind> kinds, Set<Integer> pciVendorIds) {
    public TableMatch {
        kinds = Set.copyOf(kinds);
        pciVendorIds = Set.copyOf(pciVendorIds);
    }

    /**
     * @param device a device
     * @return true if this table applies to {@code device}
     */
    public boolean matches(DeviceInfo device) {
        return kinds.contains(device.kind())
                && (pciVendorIds.isEmpty() || pciVendorIds.contains(device.pciVendorId()));
    }
}
