/**
 * The userspace MCTP serial binding as other bundles meet it: {@link io.fwgate.mctp.MctpSerialLink}, the
 * whiteboard service a bundle registers to announce a serial line with an MCTP endpoint on it (the
 * {@code mctp-serial} transport then lists and reaches that endpoint), and {@link io.fwgate.mctp.SerialCodec},
 * the DSP0253 framing and DSP0236 packetization for the endpoint's side of such a line.
 */
@Export
@Version("1.0.0")
package io.fwgate.mctp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
