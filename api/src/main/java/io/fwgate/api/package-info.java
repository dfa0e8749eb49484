/**
 * The fwgate command model: devices, effects, levels and reach, and the decoder interface a vendor
 * implements when a response cannot be described as data.
 *
 * <p>Consumers of this package (vendor plugins) import it with the range {@code [1.0,2.0)}; providers
 * (the platform) with {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package io.fwgate.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
