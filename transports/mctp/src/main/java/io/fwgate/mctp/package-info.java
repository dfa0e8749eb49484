/**
 * MCTP as other bundles meet it. For the userspace serial binding: {@link io.fwgate.mctp.MctpSerialLink},
 * the whiteboard service a bundle registers to announce a serial line with an MCTP endpoint on it (the
 * {@code mctp-serial} transport then lists and reaches that endpoint), {@link io.fwgate.mctp.SerialCodec},
 * the DSP0253 framing and DSP0236 packetization for the endpoint's side of such a line, and
 * {@link io.fwgate.mctp.SerialLine}. For any binding: {@link io.fwgate.mctp.MctpCommands}, the control,
 * NVMe-MI and CXL commands built and checked once, over a binding's {@link io.fwgate.mctp.MctpExchange}
 * (the kernel AF_MCTP transport uses them so).
 */
@Export
@Version("1.1.0")
package io.fwgate.mctp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
