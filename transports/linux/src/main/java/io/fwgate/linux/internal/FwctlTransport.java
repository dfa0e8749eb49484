package io.fwgate.linux.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.linux.internal.sys.JnaSyscalls;
import io.fwgate.linux.internal.sys.Syscalls;

/**
 * The {@code fwctl} transport: Linux fwctl devices {@code fwctl:fwctlN} through
 * {@code /dev/fwctl/fwctlN}, in the CXL RPC format. Thread-safe.
 */
@Component(service = Transport.class)
public final class FwctlTransport extends SysfsTransport {
    static final String SCHEME = "fwctl";

    private final Optional<FwctlClient> client;

    /**
     * @param context the bundle's context, for the {@link LinuxSettings} framework properties
     * @throws LinkageError if the Linux transports are on and JNA cannot load
     */
    @Activate
    public FwctlTransport(BundleContext context) {
        this(LinuxSettings.from(context::getProperty), JnaSyscalls::load);
    }

    /**
     * @param settings the configuration
     * @param syscalls the system calls, asked for only when the transports are on
     */
    FwctlTransport(LinuxSettings settings, Supplier<Syscalls> syscalls) {
        super(SCHEME, settings);
        this.client = settings.enabled() ? Optional.of(new FwctlClient(syscalls.get())) : Optional.empty();
    }

    @Override
    List<SysfsDevice> scan(SysfsDiscovery discovery) {
        return discovery.fwctlDevices();
    }

    @Override
    DeviceResponse send(SysfsDevice device, DeviceRequest request) throws IOException {
        return client.orElseThrow().send(device.info().id(), device.node(), request);
    }
}
