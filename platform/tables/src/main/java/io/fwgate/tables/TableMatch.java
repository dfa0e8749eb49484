package io.fwgate.tables;

import java.util.Set;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;

/**
 * Which devices a table applies to: a device matches when its kind is one of {@code kinds}, if
 * {@code pciVendorIds} is not empty its PCI vendor id is one of them, and if {@code transports} is not
 * empty the scheme of its id ({@code DeviceId.transport()}) is one of them.
 *
 * @param kinds device kinds, not empty
 * @param pciVendorIds PCI vendor ids, empty for any vendor
 * @param transports transport schemes, e.g. {@code mctp-serial}; empty for any transport
 */
public record TableMatch(Set<DeviceKind> kinds, Set<Integer> pciVendorIds, Set<String> transports) {
    public TableMatch {
        kinds = Set.copyOf(kinds);
        pciVendorIds = Set.copyOf(pciVendorIds);
        transports = Set.copyOf(transports);
    }

    /**
     * A match for devices of any transport.
     *
     * @param kinds device kinds, not empty
     * @param pciVendorIds PCI vendor ids, empty for any vendor
     */
    public TableMatch(Set<DeviceKind> kinds, Set<Integer> pciVendorIds) {
        this(kinds, pciVendorIds, Set.of());
    }

    /**
     * @param device a device
     * @return true if this table applies to {@code device}
     */
    public boolean matches(DeviceInfo device) {
        return kinds.contains(device.kind())
                && (pciVendorIds.isEmpty() || pciVendorIds.contains(device.pciVendorId()))
                && (transports.isEmpty() || transports.contains(device.id().transport()));
    }

    /**
     * Whether some device could match both this and {@code other}: they share a kind, and neither their
     * vendor ids nor their transports exclude each other. Commands of two overlapping tables compete for
     * the same devices (names and opcodes must not clash); of two disjoint tables they never do.
     *
     * @param other another table's match
     * @return true if a device may match both
     */
    public boolean overlaps(TableMatch other) {
        return kinds.stream().anyMatch(other.kinds::contains)
                && intersect(pciVendorIds, other.pciVendorIds)
                && intersect(transports, other.transports);
    }

    private static <T> boolean intersect(Set<T> a, Set<T> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }
}
