/**
 * The plugin kit: what a vendor needs to develop a plugin without a running fwgate.
 * <ul>
 * <li>{@link io.fwgate.kit.PluginHarness} runs a plugin's commands against emulated devices, through the
 * same encoder and decoder the platform uses, in a plain JUnit test;</li>
 * <li>{@link io.fwgate.kit.ShippedTable} reads a plugin's table from its resources as the platform parses it;</li>
 * <li>{@link io.fwgate.kit.Payload} builds decoder fixtures at the byte offsets of a specification;</li>
 * <li>{@link io.fwgate.kit.Linter} checks command tables and plugin bundles offline and reports each
 * finding with its location ({@code fwgate plugin lint FILE|BUNDLE}).</li>
 * </ul>
 *
 * <p>Consumers import this package with the range {@code [1.0,2.0)}.
 */
@Export
@Version("1.1.0")
package io.fwgate.kit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
