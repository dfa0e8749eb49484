/**
 * A {@link io.fwgate.platform.Gateway} that speaks the daemon's protocol over a connected socket, so a
 * front end works the same against a daemon as in-process. Consumers {@code [0.1,0.2)}.
 */
@Export
@Version("0.1.0")
package io.fwgate.daemon.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
