package io.fwgate.emulator.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fwgate.api.Effect;

/**
 * Get Features (0Ah) and Set Features (09h) for Arbitration (01h), Power Management (02h), Temperature
 * Threshold (04h, composite and sensor 1), Volatile Write Cache (06h) and Number of Queues (07h).
 * Values travel in dword 11 (set) and completion dword 0 (get). Temperature Threshold and Volatile
 * Write Cache are saveable; current, default, saved and supported-capabilities selections can be read.
 * Guarded by the controller's lock.
 */
final class NvmeFeatures implements AdminCommandSet {
    static final int SET_FEATURES = 0x09;
    static final int GET_FEATURES = 0x0a;
    static final int ARBITRATION = 0x01;
    static final int POWER_MANAGEMENT = 0x02;
    static final int TEMPERATURE_THRESHOLD = 0x04;
    static final int VOLATILE_WRITE_CACHE = 0x06;
    static final int NUMBER_OF_QUEUES = 0x07;
    /** Get Features SEL (cdw10 bits 10:8): 0 current, 1 default, 2 saved, 3 supported capabilities. */
    static final int CURRENT = 0;
    static final int SAVED = 2;
    static final int SUPPORTED_CAPABILITIES = 3;
    /** Supported capabilities bits: 0 saveable, 1 namespace specific, 2 changeable. */
    static final int SAVEABLE = 1;
    static final int CHANGEABLE = 4;
    /** I/O submission and completion queues the controller allocates, whatever the host asks for. */
    static final int QUEUES = 64;
    /** Power states 0 to NPSS. */
    static final int NPSS = 2;
    /** Warning and critical composite temperature thresholds, Kelvin (70 and 85 degrees C). */
    static final int WCTEMP = 343;
    static final int CCTEMP = 358;
    /** TMPSEL values: composite, sensor 1, and (Set only) every implemented sensor. */
    static final int COMPOSITE = 0;
    static final int SENSOR_1 = 1;
    static final int ALL_SENSORS = 0xf;
    static final int OVER = 0;
    static final int UNDER = 1;

    private static final Set<Integer> SUPPORTED = Set.of(ARBITRATION, POWER_MANAGEMENT, TEMPERATURE_THRESHOLD,
            VOLATILE_WRITE_CACHE, NUMBER_OF_QUEUES);
    private static final Set<Integer> SAVEABLE_FEATURES = Set.of(TEMPERATURE_THRESHOLD, VOLATILE_WRITE_CACHE);

    private final Map<Integer, Long> current = new HashMap<>();
    private final Map<Integer, Long> saved = new HashMap<>();

    @Override
    public List<NvmeCommand> commands() {
        return List.of(
                NvmeCommand.reader(GET_FEATURES, "Get Features", this::get),
                // power state, write cache and thresholds change how the controller behaves; CCC is the one
                // effect bit NVMe has for a change of controller configuration
                new NvmeCommand(SET_FEATURES, "Set Features",
                        NvmeCommand.effectSet(Effect.CONTROLLER_CAPABILITY_CHANGE), 0, true, false, this::set));
    }

    /** @return the queues allocated, 0-based: NSQA in bits 15:0, NCQA in bits 31:16 */
    static long allocatedQueues() {
        return (QUEUES - 1) | (long) (QUEUES - 1) << 16;
    }

    /** Keys: the FID in bits 15:8; for Temperature Threshold TMPSEL in bits 7:4 and THSEL in bits 3:0. */
    private static int key(int fid, int sensor, int threshold) {
        return fid << 8 | sensor << 4 | threshold;
    }

    private static long defaultValue(int key) {
        int fid = key >> 8;
        if (fid == TEMPERATURE_THRESHOLD) {
            return (key & 0xf) == OVER ? WCTEMP : 0;
        }
        return fid == VOLATILE_WRITE_CACHE ? 1 : 0;
    }

    /**
     * @param sensor {@link #COMPOSITE} or {@link #SENSOR_1}
     * @param kelvin its temperature
     * @return true if it is above its over temperature threshold or below its under temperature
     *         threshold, the SMART log's temperature critical warning
     */
    boolean temperatureOutOfRange(int sensor, int kelvin) {
        long over = current.getOrDefault(key(TEMPERATURE_THRESHOLD, sensor, OVER), (long) WCTEMP);
        long under = current.getOrDefault(key(TEMPERATURE_THRESHOLD, sensor, UNDER), 0L);
        return kelvin > over || kelvin < under;
    }

    private NvmeAnswer get(NvmeInput input) {
        int fid = input.bits(10, 7, 0);
        int selection = input.bits(10, 10, 8);
        if (!SUPPORTED.contains(fid) || selection > SUPPORTED_CAPABILITIES) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        if (selection == SUPPORTED_CAPABILITIES) {
            return NvmeAnswer.result((SAVEABLE_FEATURES.contains(fid) ? SAVEABLE : 0) | CHANGEABLE);
        }
        if (fid == NUMBER_OF_QUEUES) {
            return NvmeAnswer.result(allocatedQueues());
        }
        int key = key(fid, 0, 0);
        long extra = 0;
        if (fid == TEMPERATURE_THRESHOLD) {
            int sensor = input.bits(11, 19, 16);
            int threshold = input.bits(11, 21, 20);
            if ((sensor != COMPOSITE && sensor != SENSOR_1) || threshold > UNDER) {
                return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
            }
            key = key(fid, sensor, threshold);
            extra = (long) sensor << 16 | (long) threshold << 20;
        }
        long value = defaultValue(key);
        if (selection == CURRENT) {
            value = current.getOrDefault(key, value);
        } else if (selection == SAVED) {
            value = saved.getOrDefault(key, value);
        }
        return NvmeAnswer.result(value | extra);
    }

    private NvmeAnswer set(NvmeInput input) {
        int fid = input.bits(10, 7, 0);
        boolean save = input.bits(10, 31, 31) == 1;
        if (!SUPPORTED.contains(fid)) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        if (input.nsid() != 0 && input.nsid() != NvmeInput.ALL_NAMESPACES) {
            return NvmeAnswer.of(NvmeStatus.FEATURE_NOT_NAMESPACE_SPECIFIC);
        }
        if (save && !SAVEABLE_FEATURES.contains(fid)) {
            return NvmeAnswer.of(NvmeStatus.FEATURE_NOT_SAVEABLE);
        }
        long value = input.cdw(11);
        if (fid == NUMBER_OF_QUEUES) {
            // FFFFh asks for 65536 queues, which the spec forbids; the allocation never changes
            boolean invalid = (value & 0xffff) == 0xffff || value >>> 16 == 0xffff;
            return invalid ? NvmeAnswer.of(NvmeStatus.INVALID_FIELD) : NvmeAnswer.result(allocatedQueues());
        }
        if (fid == TEMPERATURE_THRESHOLD) {
            return setThreshold(value, save);
        }
        if (!valid(fid, value)) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        store(key(fid, 0, 0), value, save);
        return NvmeAnswer.ok();
    }

    /**
     * Arbitration: AB bits 2:0, bits 7:3 reserved, weights in bits 31:8. Power Management: PS bits 4:0
     * up to NPSS, workload hint bits 7:5 up to 2, bits 31:8 reserved. Volatile Write Cache: WCE bit 0,
     * the rest reserved.
     */
    private static boolean valid(int fid, long value) {
        switch (fid) {
            case ARBITRATION:
                return (value & 0xf8) == 0;
            case POWER_MANAGEMENT:
                return (value & 0x1f) <= NPSS && (value >>> 5 & 0x7) <= 2 && value >>> 8 == 0;
            default:
                return value >>> 1 == 0;
        }
    }

    /** TMPTH bits 15:0 (Kelvin), TMPSEL bits 19:16, THSEL bits 21:20, bits 31:22 reserved. */
    private NvmeAnswer setThreshold(long value, boolean save) {
        int sensor = (int) (value >>> 16 & 0xf);
        int threshold = (int) (value >>> 20 & 0x3);
        if ((sensor != COMPOSITE && sensor != SENSOR_1 && sensor != ALL_SENSORS) || threshold > UNDER
                || value >>> 22 != 0) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        long kelvin = value & 0xffff;
        for (int each : sensor == ALL_SENSORS ? List.of(COMPOSITE, SENSOR_1) : List.of(sensor)) {
            store(key(TEMPERATURE_THRESHOLD, each, threshold), kelvin, save);
        }
        return NvmeAnswer.ok();
    }

    private void store(int key, long value, boolean save) {
        current.put(key, value);
        if (save) {
            saved.put(key, value);
        }
    }
}
