package io.fwgate.mctp.internal;

import java.util.List;

import io.fwgate.cci.TunnelHop;

/**
 * What discovery found behind a switch's downstream ports. Immutable.
 *
 * @param devices the memory devices (an SLD, or each LD of an MLD) reachable by tunnel, in port order
 * @param problems what could not be learned, each naming the command and port; empty if all went well
 */
record Fabric(List<Fabric.Downstream> devices, List<String> problems) {
    /** Nothing behind: an endpoint that is no switch. */
    static final Fabric NONE = new Fabric(List.of(), List.of());

    Fabric {
        devices = List.copyOf(devices);
        problems = List.copyOf(problems);
    }

    /**
     * One memory device behind a switch port. Immutable.
     *
     * @param path the tunnel hops from the switch: its port, then for an MLD the LD
     * @param description what it is, for {@code list}
     */
    record Downstream(List<TunnelHop> path, String description) {
        Downstream {
            path = List.copyOf(path);
        }

        /** @return what the device's address adds to the switch's, e.g. {@code /port1/ld0} */
        String suffix() {
            return "/port" + path.get(0).id() + (path.size() > 1 ? "/ld" + path.get(1).id() : "");
        }
    }

    /** @return e.g. {@code ; 2 memory devices behind its ports}, with the problems; empty for {@link #NONE} */
    String describe() {
        String unknown = String.join("; ", problems);
        if (devices.isEmpty()) {
            return problems.isEmpty() ? "" : "; what is behind its ports is unknown: " + unknown;
        }
        String found = "; " + devices.size() + (devices.size() == 1 ? " memory device" : " memory devices")
                + " behind its ports";
        return problems.isEmpty() ? found : found + " (not all known: " + unknown + ")";
    }
}
