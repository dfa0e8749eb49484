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
 * The {@code nvme} transport: NVMe controllers {@code nvme:nvmeN}, admin commands through
 * {@code /dev/nvmeN} passthrough. Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class NvmeTransport extends SysfsTransport {
    static final String SCHEME = "nvme";

    private final Optional<NvmeAdmin> admin;

    /**
     * @param context the bundle's context, for the {@link LinuxSettings} framework properties
     * @throws LinkageError if the Linux transports are on and JNA cannot load
     */
    @Activate
    public NvmeTransport(BundleContext context) {
        this(LinuxSettings.from(context::getProperty), JnaSyscalls::load);
    }

    /**
     * @param settings the configuration
     * @param syscalls the system calls, asked for only when the transports are on
     */
    NvmeTransport(LinuxSettings settings, Supplier<Syscalls> syscalls) {
        super(SCHEME, settings);
        this.admin = settings.enabled() ? Optional.of(new NvmeAdmin(syscalls.get(), settings.nvmeTimeoutMillis()))
                : Optional.empty();
    }

    @Override
    List<SysfsDevice> scan(SysfsDiscovery discovery) {
        return discovery.nvmeControllers();
    }

    @Override
    DeviceResponse send(SysfsDevice device, DeviceRequest request) throws IOException {
        return admin.orElseThrow().send(device.info().id(), device.node(), request);
    }
}
