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
 * The {@code cxl} transport: CXL memory devices {@code cxl:memN} through {@code /dev/cxl/memN}. An opcode
 * goes under the running kernel's fixed command id when it has one, else as RAW, which distribution
 * kernels refuse (the refusal says why). Thread-safe.
 */
@Component(service = Transport.class, property = "fwgate.transport.bounded=true")
public final class CxlTransport extends SysfsTransport {
    static final String SCHEME = "cxl";

    private final Optional<CxlMailbox> mailbox;

    /**
     * @param context the bundle's context, for the {@link LinuxSettings} framework properties
     * @throws LinkageError if the Linux transports are on and JNA cannot load
     */
    @Activate
    public CxlTransport(BundleContext context) {
        this(LinuxSettings.from(context::getProperty), JnaSyscalls::load);
    }

    /**
     * @param settings the configuration
     * @param syscalls the system calls, asked for only when the transports are on
     */
    CxlTransport(LinuxSettings settings, Supplier<Syscalls> syscalls) {
        super(SCHEME, settings);
        this.mailbox = settings.enabled() ? Optional.of(new CxlMailbox(syscalls.get())) : Optional.empty();
    }

    @Override
    List<SysfsDevice> scan(SysfsDiscovery discovery) {
        return discovery.cxlMemoryDevices();
    }

    @Override
    DeviceResponse send(SysfsDevice device, DeviceRequest request) throws IOException {
        long payloadMax = sysfs().number(device.directory(), "payload_max").orElse(CxlMailbox.SPEC_MAX_PAYLOAD);
        return mailbox.orElseThrow().send(device.info().id(), device.node(),
                (int) Math.min(payloadMax, CxlMailbox.SPEC_MAX_PAYLOAD), request);
    }
}
