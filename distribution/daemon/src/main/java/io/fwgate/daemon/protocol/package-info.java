/**
 * The daemon's socket protocol, version 1 (docs/protocol.md): its names and error kinds, and the JSON
 * form of the platform's values, which is also what the CLI prints with {@code --json}. Consumers
 * {@code [0.1,0.2)}.
 */
@Export
@Version("0.1.0")
package io.fwgate.daemon.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
