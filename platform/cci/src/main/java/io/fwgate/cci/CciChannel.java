package io.fwgate.cci;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * A way to send CXL commands to one CCI (a switch's, an MLD's FM-owned LD's): the emulator's device, an
 * MCTP endpoint, a kernel's switch mailbox. Tunnels are built on top of it.
 */
@ConsumerType
@FunctionalInterface
public interface CciChannel {
    /**
     * @param request one CXL command: its opcode, payload and largest acceptable answer
     * @return the CCI's answer, a failure return code included
     * @throws IOException if the command was not delivered or no answer came back
     */
    DeviceResponse send(DeviceRequest request) throws IOException;
}
