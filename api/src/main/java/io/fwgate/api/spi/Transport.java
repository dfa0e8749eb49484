package io.fwgate.api.spi;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;

/**
 * Reaches the devices of one transport scheme ({@code emu}, {@code cxl}, {@code nvme}, ...). Registered
 * as an OSGi service; the platform serializes requests per device, so an implementation sees at most
 * one request per device at a time but may see requests for different devices concurrently.
 */
@ConsumerType
public interface Transport {
    /** @return the scheme, the part of a device id before the colon, e.g. {@code emu} */
    String scheme();

    /**
     * @return the devices this transport reaches now, never null
     * @throws IOException if discovery failed
     */
    List<DeviceInfo> devices() throws IOException;

    /**
     * Sends one request and waits for the device's answer.
     *
     * @param device a device of this transport
     * @param request the request to send
     * @return the device's answer, including a failure status when the device refused the request
     * @throws DeviceGoneException if the device no longer exists
     * @throws UnsupportedOperationException if this transport cannot carry the request
     * @throws IllegalArgumentException if the request is malformed for this transport
     * @throws IOException if the request was not delivered or no answer came back
     */
    DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException;
}
