/**
 * Emulated devices for code that runs outside an OSGi framework: plugin tests, the plugin kit's harness
 * and lint. {@link io.fwgate.emulator.kit.EmulatedFabric} builds an {@code emu} transport with the
 * standard emulated devices and the devices of vendor emulation profiles, exactly as the emulator bundle
 * offers them inside the framework.
 *
 * <p>Consumers import this package with the range {@code [1.0,2.0)}.
 */
@Export
@Version("1.1.0")
package io.fwgate.emulator.kit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
