package io.fwgate.linux.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.cci.CciChannel;
import io.fwgate.cci.Fabric;
import io.fwgate.cci.TunnelRoute;
import io.fwgate.linux.internal.sys.JnaSyscalls;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * The {@code mctp} transport: the endpoints listed in {@value LinuxSettings#MCTP_ENDPOINTS}, as
 * {@code mctp:NET,EID}, reached over AF_MCTP sockets with CXL messages (CCI or FM API by the endpoint's kind)
 * and, as the transport parameter {@code mctp-type} names, MCTP control and NVMe-MI ({@link MctpClient}).
 * Behind an endpoint configured as a {@code cxl-switch}, the memory devices its FM API reports
 * ({@link MctpFabrics}) are listed as {@code mctp:NET,EID/portN[/ldM]} and reached by tunnel through the
 * switch, as the serial binding and the emulator reach theirs. Where the kernel has no AF_MCTP, the
 * endpoints are still listed (their description says so) and every call fails as unsupported.
 * Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class MctpTransport implements Transport {
    static final String SCHEME = "mctp";

    private final List<MctpEndpoint> endpoints;
    private final Optional<MctpClient> client;
    private final boolean supported;
    private final MctpFabrics fabrics;

    /**
     * @param context the bundle's context, for the {@link LinuxSettings} framework properties
     * @throws LinkageError if endpoints are configured and JNA cannot load
     */
    @Activate
    public MctpTransport(BundleContext context) {
        this(LinuxSettings.from(context::getProperty), JnaSyscalls::load, System::nanoTime, System.err::println);
    }

    /**
     * @param settings the configuration
     * @param syscalls the system calls, asked for only when endpoints are configured
     * @param nanos the clock that times answers out
     * @param warnings where a malformed endpoint list is reported (the transport then has no endpoints)
     */
    MctpTransport(LinuxSettings settings, Supplier<Syscalls> syscalls, LongSupplier nanos, Consumer<String> warnings) {
        List<MctpEndpoint> configured = List.of();
        try {
            configured = settings.enabled() ? MctpEndpoint.parseList(settings.mctpEndpoints()) : List.of();
        } catch (IllegalArgumentException e) {
            warnings.accept("fwgate: " + LinuxSettings.MCTP_ENDPOINTS + " is ignored: " + e.getMessage());
        }
        this.endpoints = configured;
        this.client = endpoints.isEmpty() ? Optional.empty()
                : Optional.of(new MctpClient(syscalls.get(), nanos, settings.mctpTimeoutMillis()));
        this.supported = client.map(MctpClient::supported).orElse(false);
        this.fabrics = new MctpFabrics(nanos);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> all = new ArrayList<>();
        for (MctpEndpoint endpoint : endpoints) {
            Fabric behind = fabric(endpoint);
            all.add(info(endpoint, behind));
            all.addAll(behind.infos(endpoint.id(), where(endpoint)));
        }
        return all;
    }

    private DeviceInfo info(MctpEndpoint endpoint, Fabric behind) {
        String description = String.format("%s (%s, message type %02xh)%s%s", where(endpoint),
                endpoint.messageType() == MctpEndpoint.TYPE_FM_API ? "CXL FM API" : "CXL CCI", endpoint.messageType(),
                supported ? "" : "; this kernel has no AF_MCTP sockets", behind.describe());
        return new DeviceInfo(endpoint.id(), endpoint.kind(), -1, -1, Optional.empty(), description);
    }

    private static String where(MctpEndpoint endpoint) {
        return String.format("MCTP endpoint %d on network %d", endpoint.eid(), endpoint.network());
    }

    /** @return what is behind a switch endpoint the kernel can reach; nothing for other endpoints */
    private Fabric fabric(MctpEndpoint endpoint) {
        if (!supported || endpoint.kind() != DeviceKind.CXL_SWITCH) {
            return Fabric.NONE;
        }
        return fabrics.of(endpoint.id(), fmApi(endpoint));
    }

    private CciChannel fmApi(MctpEndpoint endpoint) {
        return request -> client.orElseThrow().send(endpoint, request);
    }

    /**
     * @throws IllegalArgumentException if {@code id} is not an {@code mctp} id
     * @throws DeviceGoneException if the endpoint is not configured, or its switch lists no such device
     * @throws UnsupportedOperationException if the kernel has no AF_MCTP sockets
     * @throws io.fwgate.cci.TunnelFailedException if the switch or the MLD could not deliver a tunneled command
     */
    @Override
    public DeviceResponse send(DeviceId id, DeviceRequest request) throws IOException {
        if (!SCHEME.equals(id.transport())) {
            throw new IllegalArgumentException("device " + id + " is not an " + SCHEME + ": device");
        }
        Optional<MctpEndpoint> endpoint = endpoint(id);
        if (endpoint.isPresent()) {
            return client.orElseThrow().send(endpoint.get(), request);
        }
        Optional<TunnelRoute> route = TunnelRoute.parse(id);
        Optional<MctpEndpoint> cxlSwitch = route.flatMap(r -> endpoint(r.cci()));
        if (cxlSwitch.isEmpty()) {
            throw new DeviceGoneException(id + " is not a configured MCTP endpoint (" + LinuxSettings.MCTP_ENDPOINTS
                    + ") or a device behind one");
        }
        return sendBehind(cxlSwitch.get(), route.get(), request);
    }

    private Optional<MctpEndpoint> endpoint(DeviceId id) {
        return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private DeviceResponse sendBehind(MctpEndpoint cxlSwitch, TunnelRoute route, DeviceRequest request)
            throws IOException {
        if (!supported) {
            throw new UnsupportedOperationException(MctpClient.UNSUPPORTED);
        }
        return fabric(cxlSwitch).send(fmApi(cxlSwitch), route, request);
    }
}
