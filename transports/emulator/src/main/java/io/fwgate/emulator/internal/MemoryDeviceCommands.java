package io.fwgate.emulator.internal;

import java.util.List;

/**
 * The memory device's identity and health: Identify Memory Device (4000h) and Get Health Info (4200h).
 */
final class MemoryDeviceCommands implements CommandSet {
    static final int IDENTIFY_MEMORY_DEVICE = 0x4000;
    static final int GET_HEALTH_INFO = 0x4200;
    /** CXL 3.x Identify Memory Device output size (2.0's 43h plus the dynamic capacity log size). */
    static final int IDENTIFY_SIZE = 0x45;
    /** Capacities are reported in multiples of 256 MiB. */
    static final long CAPACITY_UNIT = 256L << 20;
    /** Poison list maximum media error records (a u24). */
    static final int POISON_LIST_MAX = 256;

    /**
     * The device's memory.
     *
     * @param firmwareRevision the running firmware's revision, at most 16 ASCII characters
     * @param volatileBytes volatile-only capacity, a multiple of 256 MiB
     * @param persistentBytes persistent-only capacity, a multiple of 256 MiB
     * @param lsaSize the label storage area's size in bytes
     * @param eventLogCapacity how many records each event log holds
     */
    record Profile(String firmwareRevision, long volatileBytes, long persistentBytes, int lsaSize,
            int eventLogCapacity) {
    }

    private final Profile profile;
    private final HealthInfo health;

    MemoryDeviceCommands(Profile profile, HealthInfo health) {
        this.profile = profile;
        this.health = health;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(IDENTIFY_MEMORY_DEVICE, "Identify Memory Device", this::identify),
                Command.of(GET_HEALTH_INFO, "Get Health Info", this::health));
    }

    /**
     * Offsets: FW revision 00h, total 10h, volatile 18h, persistent 20h and partition alignment 28h
     * capacities (u64, 256 MiB units), info/warning/failure/fatal event log sizes 30h-36h (u16), LSA
     * size 38h (u32), poison list max 3Ch (u24), inject poison limit 3Fh (u16), poison caps 41h, QoS
     * telemetry caps 42h, dynamic capacity event log size 43h (u16).
     */
    private Answer identify(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        long volatileUnits = profile.volatileBytes() / CAPACITY_UNIT;
        long persistentUnits = profile.persistentBytes() / CAPACITY_UNIT;
        short logSize = (short) profile.eventLogCapacity();
        // partition alignment 0: all capacity is volatile-only or persistent-only, nothing to partition;
        // no poison injection, poison handling or QoS telemetry capabilities; no dynamic capacity
        return Answer.ok(Bytes.out(IDENTIFY_SIZE)
                .put(Bytes.ascii(profile.firmwareRevision(), 16))
                .putLong(0x10, volatileUnits + persistentUnits)
                .putLong(0x18, volatileUnits)
                .putLong(0x20, persistentUnits)
                .putShort(0x30, logSize)
                .putShort(0x32, logSize)
                .putShort(0x34, logSize)
                .putShort(0x36, logSize)
                .putInt(0x38, profile.lsaSize())
                .putShort(0x3c, (short) POISON_LIST_MAX)
                .put(0x3e, (byte) (POISON_LIST_MAX >>> 16))
                .array());
    }

    private Answer health(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        return Answer.ok(health.bytes());
    }
}
