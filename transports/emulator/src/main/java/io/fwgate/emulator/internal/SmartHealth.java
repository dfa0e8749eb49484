package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;

/**
 * The SMART / Health Information log (LID 02h) of a healthy controller: fixed wear and usage figures,
 * the error count from the error log, and a temperature critical warning that follows the thresholds
 * the host sets.
 */
final class SmartHealth {
    static final int SIZE = 512;
    /** Critical warning bit 1: a temperature is above an over or below an under threshold. */
    static final int TEMPERATURE_WARNING = 1 << 1;
    /** Composite temperature and temperature sensor 1, Kelvin (37 and 32 degrees C). */
    static final int COMPOSITE_KELVIN = 310;
    static final int SENSOR_1_KELVIN = 305;
    static final int AVAILABLE_SPARE = 100;
    static final int SPARE_THRESHOLD = 10;
    static final int PERCENTAGE_USED = 2;
    /** Data units are thousands of 512-byte units. */
    static final long DATA_UNITS_READ = 123_456;
    static final long DATA_UNITS_WRITTEN = 65_432;
    static final long HOST_READS = 2_000_000;
    static final long HOST_WRITES = 1_000_000;
    static final long BUSY_MINUTES = 300;
    static final long POWER_CYCLES = 42;
    static final long POWER_ON_HOURS = 1_234;
    static final long UNSAFE_SHUTDOWNS = 3;

    private final NvmeFeatures features;
    private final ErrorLog errors;

    SmartHealth(NvmeFeatures features, ErrorLog errors) {
        this.features = features;
        this.errors = errors;
    }

    /**
     * Offsets: critical warning 0, composite temperature 1 (u16 K), available spare 3, threshold 4,
     * percentage used 5; 16-byte counters: data units read 32, written 48, host read commands 64, host
     * write commands 80, controller busy time 96, power cycles 112, power-on hours 128, unsafe shutdowns
     * 144, media errors 160, error log entries 176; u32 warning (192) and critical (196) temperature
     * minutes; u16 temperature sensors 1-8 from 200 (0: not implemented).
     */
    byte[] bytes() {
        boolean hot = features.temperatureOutOfRange(NvmeFeatures.COMPOSITE, COMPOSITE_KELVIN)
                || features.temperatureOutOfRange(NvmeFeatures.SENSOR_1, SENSOR_1_KELVIN);
        ByteBuffer out = Bytes.out(SIZE)
                .put(0, (byte) (hot ? TEMPERATURE_WARNING : 0))
                .putShort(1, (short) COMPOSITE_KELVIN)
                .put(3, (byte) AVAILABLE_SPARE)
                .put(4, (byte) SPARE_THRESHOLD)
                .put(5, (byte) PERCENTAGE_USED)
                .putLong(32, DATA_UNITS_READ)
                .putLong(48, DATA_UNITS_WRITTEN)
                .putLong(64, HOST_READS)
                .putLong(80, HOST_WRITES)
                .putLong(96, BUSY_MINUTES)
                .putLong(112, POWER_CYCLES)
                .putLong(128, POWER_ON_HOURS)
                .putLong(144, UNSAFE_SHUTDOWNS)
                .putLong(176, errors.count())
                .putShort(200, (short) SENSOR_1_KELVIN);
        return out.array();
    }
}
