package io.fwgate.emulator.internal;

import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/** One emulated device behind the {@code emu} transport. Implementations are thread-safe. */
public interface EmulatedDevice {
    /** @return what the transport reports about the device */
    DeviceInfo info();

    /**
     * @param request the request
     * @return the device's answer, a failure status included
     * @throws IllegalArgumentException if the request cannot be carried to this kind of device
     */
    DeviceResponse send(DeviceRequest request);
}
