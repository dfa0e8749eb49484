package io.fwgate.linux.internal;

import java.io.IOException;
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
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.linux.internal.sys.JnaSyscalls;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * The {@code mctp} transport: the endpoints listed in {@value LinuxSettings#MCTP_ENDPOINTS}, as
 * {@code mctp:NET,EID}, reached over AF_MCTP sockets with CXL messages (CCI or FM API by the endpoint's kind)
 * and, as the transport parameter {@code mctp-type} names, MCTP control and NVMe-MI ({@link MctpClient}). Where the kernel has no AF_MCTP,
 * the endpoints are still listed (their description says so) and every call fails as unsupported.
 * Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class MctpTransport implements Transport {
    static final String SCHEME = "mctp";

    private final List<MctpEndpoint> endpoints;
    private final Optional<MctpClient> client;
    private final boolean supported;

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
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> devices() {
        return endpoints.stream().map(this::info).toList();
    }

    private DeviceInfo info(MctpEndpoint endpoint) {
        String description = String.format("MCTP endpoint %d on network %d (%s, message type %02xh)%s",
                endpoint.eid(), endpoint.network(),
                endpoint.messageType() == MctpEndpoint.TYPE_FM_API ? "CXL FM API" : "CXL CCI", endpoint.messageType(),
                supported ? "" : "; this kernel has no AF_MCTP sockets");
        return new DeviceInfo(endpoint.id(), endpoint.kind(), -1, -1, Optional.empty(), description);
    }

    /**
     * @throws IllegalArgumentException if {@code id} is not an {@code mctp} id
     * @throws DeviceGoneException if the endpoint is not configured
     * @throws UnsupportedOperationException if the kernel has no AF_MCTP sockets
     */
    @Override
    public DeviceResponse send(DeviceId id, DeviceRequest request) throws IOException {
        if (!SCHEME.equals(id.transport())) {
            throw new IllegalArgumentException("device " + id + " is not an " + SCHEME + ": device");
        }
        for (MctpEndpoint endpoint : endpoints) {
            if (endpoint.id().equals(id)) {
                return client.orElseThrow().send(endpoint, request);
            }
        }
        throw new DeviceGoneException(id + " is not a configured MCTP endpoint (" + LinuxSettings.MCTP_ENDPOINTS + ")");
    }
}
