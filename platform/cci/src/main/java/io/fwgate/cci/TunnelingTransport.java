package io.fwgate.cci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * Adds devices behind switches to a transport that reaches the switches' CCIs: a command to such a
 * device is wrapped in (nested) Tunnel Management Commands, sent to the switch, and the answer unwrapped,
 * so the caller sees the device's own return code and payload. Works over any transport whose devices
 * answer CXL commands (the emulator, MCTP, a kernel's switch mailbox). Every other device id goes to the
 * carrier unchanged. Thread-safe if the carrier is.
 */
public final class TunnelingTransport implements Transport {
    /** Bytes a tunnel level adds to an answer: the tunnel header and a CCI header. */
    static final int LEVEL_OVERHEAD = Tunnel.HEADER_SIZE + CciMessage.HEADER_SIZE;

    private final Transport carrier;
    private final Map<DeviceId, DeviceInfo> tunneled = new LinkedHashMap<>();
    private final Map<DeviceId, TunnelRoute> routes = new LinkedHashMap<>();

    /**
     * @param carrier the transport that reaches the switch CCIs
     * @param devices the devices behind switches; each id names its route ({@link TunnelRoute#parse})
     * @throws IllegalArgumentException if a device's id is of another scheme than the carrier's or names
     *         no route
     */
    public TunnelingTransport(Transport carrier, List<DeviceInfo> devices) {
        this.carrier = carrier;
        for (DeviceInfo device : devices) {
            DeviceId id = device.id();
            if (!id.transport().equals(carrier.scheme())) {
                throw new IllegalArgumentException("device " + id + " is not a " + carrier.scheme() + ": device");
            }
            TunnelRoute route = TunnelRoute.parse(id).orElseThrow(() -> new IllegalArgumentException("device " + id
                    + " names no tunnel route (expected <cci>/port<N> or <cci>/port<N>/ld<M>)"));
            tunneled.put(id, device);
            routes.put(id, route);
        }
    }

    @Override
    public String scheme() {
        return carrier.scheme();
    }

    @Override
    public List<DeviceInfo> devices() throws IOException {
        List<DeviceInfo> all = new ArrayList<>(carrier.devices());
        all.addAll(tunneled.values());
        return all;
    }

    /**
     * @throws TunnelFailedException if a tunnel on the way to the device failed (a port or LD that does not
     *         answer)
     * @throws CciFormatException if the switch's answer is not a well-formed tunnel response
     */
    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        TunnelRoute route = routes.get(device);
        if (route == null) {
            return carrier.send(device, request);
        }
        return send(tunneledRequest -> carrier.send(route.cci(), tunneledRequest), route, request);
    }

    /**
     * Runs one command at the end of a route.
     *
     * @param channel reaches the route's CCI
     * @param route the tunnel hops
     * @param request the command for the device at the end of the route
     * @return the device's answer: its return code, payload and (when not zero) {@code vendor-status}
     * @throws IllegalArgumentException if the request has transport parameters (CCI commands have none),
     *         an opcode above FFFFh, or a payload too large to tunnel
     * @throws TunnelFailedException if a Tunnel Management Command on the way failed; the message names the
     *         route and the hop
     * @throws CciFormatException if an answer is malformed, answers another command, or is larger than the
     *         request accepts
     * @throws IOException if the channel failed
     */
    public static DeviceResponse send(CciChannel channel, TunnelRoute route, DeviceRequest request)
            throws IOException {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CCI commands take no parameters, got " + request.parameters().keySet());
        }
        if (request.opcode() < 0 || request.opcode() > 0xffff) {
            throw new IllegalArgumentException(String.format("CCI opcode 0x%x does not fit 16 bits", request.opcode()));
        }
        List<TunnelHop> path = route.path();
        long outerLimit = (long) request.maxResponseSize() + (long) path.size() * LEVEL_OVERHEAD;
        DeviceRequest outer = new DeviceRequest(Tunnel.OPCODE, Tunnel.wrap(path, request.opcode(), request.payload()),
                Map.of(), (int) Math.min(outerLimit, Integer.MAX_VALUE));
        DeviceResponse answer = channel.send(outer);
        CciMessage inner;
        try {
            inner = Tunnel.unwrap(path, request.opcode(), answer.status(), answer.payload());
        } catch (TunnelFailedException e) {
            throw new TunnelFailedException(route + ": " + e.getMessage(), e.hop(), e.returnCode());
        } catch (CciFormatException e) {
            throw new CciFormatException(route + ": " + e.getMessage());
        }
        if (inner.payloadLength() > request.maxResponseSize()) {
            throw new CciFormatException(route + ": the answer has " + inner.payloadLength()
                    + " payload bytes, more than the " + request.maxResponseSize() + " requested");
        }
        Map<String, Long> fields = inner.vendorStatus() == 0 ? Map.of() : Map.of("vendor-status",
                (long) inner.vendorStatus());
        return new DeviceResponse(inner.returnCode(), inner.payload(), fields);
    }
}
