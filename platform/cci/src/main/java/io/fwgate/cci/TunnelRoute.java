package io.fwgate.cci;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fwgate.api.DeviceId;

/**
 * How a device behind a switch is reached: the device whose CCI the commands are sent to, and the tunnel
 * hops from there. Device ids of such devices say it: {@code <cci>/port<N>} is the component on switch
 * port N (for an MLD, its FM-owned LD), {@code <cci>/port<N>/ld<M>} is LD M of the MLD on port N, as in
 * {@code emu:switch0/port1/ld0}. Immutable.
 *
 * @param cci the device whose CCI receives the outermost Tunnel Management Command
 * @param path the hops, outermost first, 1 to {@link Tunnel#MAX_DEPTH}
 */
public record TunnelRoute(DeviceId cci, List<TunnelHop> path) {
    private static final Pattern ADDRESS = Pattern.compile("(.+)/port(\\d{1,3})(?:/ld(\\d{1,3}))?");

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the path is empty or deeper than {@link Tunnel#MAX_DEPTH}
     */
    public TunnelRoute {
        Objects.requireNonNull(cci, "cci");
        path = List.copyOf(path);
        if (path.isEmpty() || path.size() > Tunnel.MAX_DEPTH) {
            throw new IllegalArgumentException("a tunnel route has 1 to " + Tunnel.MAX_DEPTH + " hops, not "
                    + path.size());
        }
    }

    /**
     * @param device a device id
     * @return the route its address names, or empty if the address is not of the form
     *         {@code <cci>/port<N>[/ld<M>]} with N and M from 0 to 255
     */
    public static Optional<TunnelRoute> parse(DeviceId device) {
        Matcher matcher = ADDRESS.matcher(device.address());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<TunnelHop> path = new ArrayList<>();
        for (int group = 2; group <= 3 && matcher.group(group) != null; group++) {
            int id = Integer.parseInt(matcher.group(group));
            if (id > 0xff) {
                return Optional.empty();
            }
            path.add(TunnelHop.to(id));
        }
        return Optional.of(new TunnelRoute(new DeviceId(device.transport(), matcher.group(1)), path));
    }

    /** @return e.g. {@code emu:switch0 tunnel 1 -> 0}, for messages and audit records */
    @Override
    public String toString() {
        return cci + " tunnel " + Tunnel.describe(path);
    }
}
