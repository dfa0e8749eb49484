package io.fwgate.linux.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;

/**
 * An MCTP endpoint fwgate was told about: MCTP has no discovery fwgate could rely on (endpoints sit behind
 * routes a BMC's mctpd sets up), so endpoints are configured. Immutable.
 *
 * @param network the MCTP network id, 1 to 2^31-1 ({@code MCTP_NET_ANY}, 0, is not an address)
 * @param eid the endpoint id, 8 to 254 (0 to 7 are reserved, 255 is broadcast)
 * @param kind what the endpoint is: the plugins that match it, and its message type
 */
record MctpEndpoint(int network, int eid, DeviceKind kind) {
    /** MCTP message type 07h: CXL Fabric Manager API (DSP0234). */
    static final int TYPE_FM_API = 0x07;
    /** MCTP message type 08h: CXL Component Command Interface (DSP0281). */
    static final int TYPE_CXL_CCI = 0x08;

    /**
     * @throws IllegalArgumentException if the network or endpoint id is out of range
     */
    MctpEndpoint {
        if (network < 1) {
            throw new IllegalArgumentException("MCTP network " + network + " is out of range (1 or more)");
        }
        if (eid < 8 || eid > 254) {
            throw new IllegalArgumentException("MCTP endpoint id " + eid + " is out of range (8 to 254)");
        }
    }

    /** @return the device id, {@code mctp:NET,EID} as nvme-cli and libcxlmi write it */
    DeviceId id() {
        return new DeviceId("mctp", network + "," + eid);
    }

    /**
     * A switch's fabric manager endpoint speaks the FM API message type; memory devices and other
     * endpoints the CCI message type. Both carry the same 12-byte CCI message.
     *
     * @return the MCTP message type of requests to this endpoint
     */
    int messageType() {
        return kind == DeviceKind.CXL_SWITCH ? TYPE_FM_API : TYPE_CXL_CCI;
    }

    /**
     * Reads the endpoint list of {@value LinuxSettings#MCTP_ENDPOINTS}: entries separated by {@code ;},
     * each {@code NET,EID} with an optional {@code :KIND} (a device kind id; default
     * {@code mctp-endpoint}), e.g. {@code 1,8:cxl-memory-device;1,9:cxl-switch}.
     *
     * @param list the property's value, possibly empty
     * @return the endpoints, in the order given
     * @throws IllegalArgumentException naming the first malformed entry
     */
    static List<MctpEndpoint> parseList(String list) {
        List<MctpEndpoint> endpoints = new ArrayList<>();
        for (String entry : list.split(";")) {
            if (!entry.isBlank()) {
                MctpEndpoint endpoint = parse(entry.trim());
                if (endpoints.stream().anyMatch(e -> e.id().equals(endpoint.id()))) {
                    throw new IllegalArgumentException("MCTP endpoint " + endpoint.id() + " is listed twice");
                }
                endpoints.add(endpoint);
            }
        }
        return endpoints;
    }

    private static MctpEndpoint parse(String entry) {
        String address = entry;
        DeviceKind kind = DeviceKind.MCTP_ENDPOINT;
        int colon = entry.indexOf(':');
        if (colon >= 0) {
            address = entry.substring(0, colon);
            kind = DeviceKind.parse(entry.substring(colon + 1).trim());
        }
        String[] parts = address.split(",");
        Optional<Integer> network = parts.length == 2 ? number(parts[0]) : Optional.empty();
        Optional<Integer> eid = parts.length == 2 ? number(parts[1]) : Optional.empty();
        if (network.isEmpty() || eid.isEmpty()) {
            throw new IllegalArgumentException("MCTP endpoint '" + entry + "' is not of the form NET,EID[:KIND]");
        }
        return new MctpEndpoint(network.get(), eid.get(), kind);
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
