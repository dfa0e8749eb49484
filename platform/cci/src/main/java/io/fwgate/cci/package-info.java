/**
 * The CXL Component Command Interface (CCI) message format and the Tunnel Management Command (5300h)
 * that carries one CCI message through a switch port or an MLD's FM-owned LD to the next CCI: the one
 * place the core (which judges a tunnel by its innermost command), the emulator and the transports
 * (emulator, MCTP, a kernel's switch mailbox) read and write these bytes; and the scan of what is behind a
 * switch's ports ({@link io.fwgate.cci.FabricScan}, since 1.1) that the MCTP bindings list devices by.
 *
 * <p>Consumers import it with the range {@code [1.0,2.0)}; providers with {@code [1.0,1.1)}.
 */
@Export
@Version("1.1.0")
package io.fwgate.cci;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
