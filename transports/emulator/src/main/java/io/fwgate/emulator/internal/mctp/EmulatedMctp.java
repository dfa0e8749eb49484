package io.fwgate.emulator.internal.mctp;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.mctp.MctpSerialLink;

/**
 * The emulator's MCTP endpoint on a pseudo-terminal, announced to the {@code mctp-serial} transport as an
 * {@link MctpSerialLink} service, so that {@code --emulated} lists {@code mctp-serial:/dev/pts/N,8}. It
 * speaks MCTP control, CXL FM API (answered by the emulated switch itself) and NVMe-MI
 * ({@link MctpResponder}).
 */
public final class EmulatedMctp implements AutoCloseable {
    /** The endpoint's EID: the first one DSP0236 does not reserve. */
    public static final int EID = 8;

    private final MctpPtyEndpoint endpoint;
    private final ServiceRegistration<MctpSerialLink> registration;

    private EmulatedMctp(MctpPtyEndpoint endpoint, ServiceRegistration<MctpSerialLink> registration) {
        this.endpoint = endpoint;
        this.registration = registration;
    }

    /**
     * @param context where to announce the line
     * @param fmApi the emulated switch, which answers FM API messages
     * @param nvme the emulated NVMe controller whose subsystem NVMe-MI reports on
     * @param warnings where a machine without pseudo-terminals (or JNA) is reported
     * @return the running endpoint, or empty if no pseudo-terminal could be had
     */
    public static Optional<EmulatedMctp> start(BundleContext context, EmulatedDevice fmApi, EmulatedDevice nvme,
            Consumer<String> warnings) {
        MctpPtyEndpoint endpoint;
        try {
            endpoint = MctpPtyEndpoint.onPseudoterminal(EID, fmApi, nvme);
        } catch (IOException | LinkageError e) {
            warnings.accept("fwgate: no emulated MCTP endpoint: " + e.getMessage());
            return Optional.empty();
        }
        ServiceRegistration<MctpSerialLink> registration;
        try {
            registration = context.registerService(MctpSerialLink.class, new MctpSerialLink(endpoint.path(), EID),
                    null);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // a stopping bundle's context, or one that registers nothing (tests outside a framework)
            warnings.accept("fwgate: the emulated MCTP endpoint is not announced: " + e.getMessage());
            close(endpoint);
            return Optional.empty();
        }
        endpoint.start();
        return Optional.of(new EmulatedMctp(endpoint, registration));
    }

    private static void close(MctpPtyEndpoint endpoint) {
        try {
            endpoint.close();
        } catch (IOException e) {
            System.err.println("fwgate: closing the emulated MCTP endpoint failed: " + e.getMessage());
        }
    }

    /** Withdraws the announcement, stops the endpoint and closes the pseudo-terminal. */
    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // the framework withdrew it already: the bundle is stopping
        }
        close(endpoint);
    }
}
