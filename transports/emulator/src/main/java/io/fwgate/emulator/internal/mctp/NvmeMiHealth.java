package io.fwgate.emulator.internal.mctp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.emulator.internal.EmulatedDevice;

/**
 * The NVM Subsystem Health Data Structure (NVMe-MI 1.2, 8 bytes: NSS, SW, CTEMP, PDLU, le16 CCS, 2 reserved)
 * of an emulated subsystem whose one controller is {@code emu:nvme0}: derived from that controller's SMART /
 * Health Information log, so both views agree.
 */
final class NvmeMiHealth {
    static final int SIZE = 8;
    /** NSS bit 5 Drive Functional, bit 4 Reset Not Required, bit 3 Port 0 PCIe Link Active. */
    static final int NSS = 0x20 | 0x10 | 0x08;
    /** CCS bit 0: the controller is ready. */
    static final int CCS_READY = 0x0001;
    private static final int GET_LOG_PAGE = 0x02;
    private static final int SMART_LOG = 0x02;
    private static final int SMART_SIZE = 512;

    private final EmulatedDevice controller;

    /**
     * @param controller the subsystem's NVMe controller
     */
    NvmeMiHealth(EmulatedDevice controller) {
        this.controller = controller;
    }

    /** @return the health data structure now, or empty-handed if the controller fails its SMART log */
    byte[] poll() {
        long numd = SMART_SIZE / 4 - 1;
        DeviceResponse smart = controller.send(new DeviceRequest(GET_LOG_PAGE, new byte[0],
                Map.of("nsid", 0xffffffffL, "cdw10", numd << 16 | SMART_LOG), SMART_SIZE));
        if (!smart.ok() || smart.payload().length < 6) {
            throw new IllegalStateException("the emulated controller failed its SMART log: status " + smart.status());
        }
        return fromSmart(smart.payload());
    }

    /**
     * SW is the SMART Critical Warning byte inverted (a bit is 0 while its warning is active); CTEMP is the
     * composite temperature in degrees Celsius, 7Fh for 127 or more and C4h for -60 or less.
     *
     * @param smart a SMART / Health Information log: critical warning at 0, le16 Kelvin at 1, percentage
     *        used at 5
     * @return the health data structure
     */
    static byte[] fromSmart(byte[] smart) {
        ByteBuffer in = ByteBuffer.wrap(smart).order(ByteOrder.LITTLE_ENDIAN);
        int celsius = Short.toUnsignedInt(in.getShort(1)) - 273;
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .put(0, (byte) NSS)
                .put(1, (byte) (~smart[0] & 0x3f))
                .put(2, (byte) Math.max(-60, Math.min(127, celsius)))
                .put(3, (byte) Math.min(255, Byte.toUnsignedInt(smart[5])))
                .putShort(4, (short) CCS_READY)
                .array();
    }
}
