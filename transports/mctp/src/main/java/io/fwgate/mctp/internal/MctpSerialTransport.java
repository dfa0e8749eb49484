package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.cci.FabricScan;
import io.fwgate.cci.TunnelRoute;
import io.fwgate.mctp.MctpSerialLink;
import io.fwgate.mctp.SerialLine;

/**
 * The {@code mctp-serial} transport: MCTP endpoints on serial lines (DSP0253), as {@code mctp-serial:PATH,EID}.
 * The lines come from {@value SerialSettings#LINKS} and from {@link MctpSerialLink} services (the emulator
 * announces its pseudo-terminal so). When a line comes up, a discovery thread asks the endpoint, with MCTP
 * control, for its EID and message types: they make its kind (FM API: a CXL switch; CCI: a CXL memory
 * device; otherwise an MCTP endpoint) and its description. Behind a switch, discovery also finds the memory
 * devices on its downstream ports ({@link FabricScan}), listed as {@code mctp-serial:PATH,EID/portN/ldM} and
 * reached by tunnel through the switch. {@link #devices()} waits for discoveries under
 * way at most one request timeout; every request is bounded by that timeout. Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class MctpSerialTransport implements Transport {
    static final String SCHEME = "mctp-serial";

    private record Line(SerialEndpoint endpoint, CompletableFuture<Discovery> discovered) {
    }

    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final SerialEndpoint.Opener opener;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private final ExecutorService discoverer;
    private final Consumer<String> warnings;

    /**
     * @param context the bundle's context, for the {@link SerialSettings} framework properties
     */
    @Activate
    public MctpSerialTransport(BundleContext context) {
        this(SerialSettings.from(context::getProperty, System.err::println), null, System::nanoTime,
                Executors.newSingleThreadExecutor(MctpSerialTransport::daemon), System.err::println);
    }

    /**
     * @param settings the configuration
     * @param opener opens a line's byte stream; null for real serial lines at the configured speed
     * @param nanos the clock requests time out on
     * @param discoverer where discoveries run; shut down on {@link #deactivate()}
     * @param warnings where lines that fail to close are reported
     */
    MctpSerialTransport(SerialSettings settings, SerialEndpoint.Opener opener, LongSupplier nanos,
            ExecutorService discoverer, Consumer<String> warnings) {
        this.opener = opener != null ? opener : link -> new LineLink(SerialLine.open(link.path(), settings.baud()));
        this.nanos = nanos;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
        this.discoverer = discoverer;
        this.warnings = warnings;
        settings.links().forEach(this::addLink);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "fwgate-mctp-serial-discovery");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Adds a line another bundle announces (and every configured one).
     *
     * @param link the line
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLink(MctpSerialLink link) {
        SerialEndpoint endpoint = new SerialEndpoint(SCHEME, link, opener, nanos, timeoutNanos);
        CompletableFuture<Discovery> discovered = new CompletableFuture<>();
        if (lines.putIfAbsent(link.address(), new Line(endpoint, discovered)) == null) {
            discoverer.execute(() -> discovered.complete(endpoint.discover()));
        }
    }

    void removeLink(MctpSerialLink link) {
        Line line = lines.remove(link.address());
        if (line != null) {
            close(line);
        }
    }

    @Deactivate
    void deactivate() {
        discoverer.shutdownNow();
        lines.values().forEach(this::close);
        lines.clear();
    }

    private void close(Line line) {
        try {
            line.endpoint().close();
        } catch (IOException e) {
            warnings.accept("fwgate: closing " + line.endpoint().id() + " failed: " + e.getMessage());
        }
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** Waits at most one request timeout, in all, for discoveries under way. */
    @Override
    public List<DeviceInfo> devices() throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        List<DeviceInfo> devices = new ArrayList<>();
        for (Line line : lines.values()) {
            await(line.discovered(), deadline - System.nanoTime());
            devices.addAll(line.endpoint().infos());
        }
        devices.sort(Comparator.comparing(info -> info.id().address()));
        return devices;
    }

    private static void await(CompletableFuture<Discovery> discovered, long nanos) throws IOException {
        try {
            discovered.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still under way (or lost with a stopped discoverer): the device is listed as it is known now
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while discovering MCTP serial endpoints", e);
        }
    }

    /**
     * A device behind a switch ({@code PATH,EID/portN/ldM}) is reached by tunnel through the switch's endpoint.
     *
     * @throws IllegalArgumentException if {@code device} is not an {@code mctp-serial} id, or the request does
     *         not suit MCTP
     * @throws DeviceGoneException if no line has that address, or discovery found no such device behind a switch
     * @throws UnsupportedOperationException if the endpoint does not speak the request's message type
     * @throws io.fwgate.cci.TunnelFailedException if a tunnel to a device behind a switch did not reach it
     * @throws IOException if the endpoint does not answer discovery or the request in time
     */
    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        if (!SCHEME.equals(device.transport())) {
            throw new IllegalArgumentException("device " + device + " is not an " + SCHEME + ": device");
        }
        Line line = lines.get(device.address());
        if (line != null) {
            return line.endpoint().send(request);
        }
        Optional<TunnelRoute> route = TunnelRoute.parse(device);
        Line cci = route.map(r -> lines.get(r.cci().address())).orElse(null);
        if (cci == null) {
            throw new DeviceGoneException(device + " is on no serial line fwgate knows (" + SerialSettings.LINKS
                    + ", or a line another bundle announces)");
        }
        return cci.endpoint().sendBehind(route.get(), request);
    }
}
