/**
 * The platform's face to its front ends (CLI, daemon): list devices and commands, call a command as a
 * caller, read plugins, status and the audit log. Not part of the vendor API.
 */
@Export
@Version("0.1.0")
package io.fwgate.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
