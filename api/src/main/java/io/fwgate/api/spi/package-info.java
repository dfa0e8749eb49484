/**
 * The transport SPI: how the platform reaches devices. A transport registers a {@link Transport}
 * service; the platform discovers its devices and sends requests through it.
 *
 * <p>Errors come in two tiers, as in Linux fwctl: a request that was not delivered throws an
 * {@link java.io.IOException} (or {@link DeviceGoneException}); a device that answered with a failure
 * status returns a {@link DeviceResponse} carrying that status.
 *
 * <p>Consumers (transports) import it with the range {@code [1.0,2.0)}; providers with {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package io.fwgate.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
