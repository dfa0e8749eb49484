/**
 * fwgated: runs the platform's {@link io.fwgate.platform.Gateway} behind a Unix domain socket, identifying
 * every caller by the kernel's peer credentials. Used by the CLI's {@code daemon} command. Consumers
 * {@code [0.1,0.2)}: the package is young and not part of the vendor API.
 */
@Export
@Version("0.1.0")
package io.fwgate.daemon;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
