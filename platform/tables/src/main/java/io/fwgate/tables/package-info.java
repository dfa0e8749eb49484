/**
 * Command tables as data: the parsed, validated model of a table resource, its request encoder and
 * response decoder, and the one mapping from effects to levels. Used by the platform and by offline
 * tools (lint); not part of the vendor API.
 */
@Export
@Version("0.4.0")
package io.fwgate.tables;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
