package io.fwgate.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.TunnelRoute;
import io.fwgate.cci.TunnelingTransport;

/**
 * A device behind the emulated switch, such as {@code emu:switch0/port1/ld0}: every command is wrapped in
 * nested Tunnel Management Commands, sent to the switch's CCI, and the answer unwrapped, exactly as the
 * platform would reach it over MCTP. Thread-safe.
 */
final class TunneledDevice implements EmulatedDevice {
    private final DeviceInfo info;
    private final TunnelRoute route;
    private final EmulatedDevice cci;

    /**
     * @param info what the transport reports about the device
     * @param route the tunnel hops from the switch's CCI
     * @param cci the switch
     */
    TunneledDevice(DeviceInfo info, TunnelRoute route, EmulatedDevice cci) {
        this.info = info;
        this.route = route;
        this.cci = cci;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /**
     * @throws UncheckedIOException wrapping the {@link IOException} of a tunnel that did not reach the
     *         device (an LD that does not answer) or came back malformed; the transport rethrows the cause
     * @throws IllegalArgumentException if the request has transport parameters or its opcode does not fit
     *         16 bits
     */
    @Override
    public DeviceResponse send(DeviceRequest request) {
        try {
            return TunnelingTransport.send(cci::send, route, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
