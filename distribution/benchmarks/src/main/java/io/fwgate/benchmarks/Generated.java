package io.fwgate.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The generated inputs of the scale, cold start and hot reload measurements: an emulation profile with
 * many CXL memory devices, and vendor plugins that each add one telemetry command to every CXL memory
 * device. Opcodes E000h + i lie in the CXL vendor range (C000h-FFFFh) and clear of the shipped acme
 * example (C000h-C003h) and the deployer's integration test (D000h-D002h), so the registry admits all.
 */
public final class Generated {
    /** The most plugins the opcode scheme allows: E000h-E0FEh; E0FFh is the hot-reload plugin's. */
    public static final int MAX_PLUGINS = 0xff;
    /** The hot-reload plugin's one command. */
    public static final String RELOAD_COMMAND = "bench-reload";
    public static final String RELOAD_PLUGIN = "io.fwgate.bench.reload";
    private static final int FIRST_OPCODE = 0xe000;

    private Generated() {
    }

    /** @return the address (under {@code emu:}) of generated device {@code i} */
    public static String deviceAddress(int i) {
        return String.format("bench-mem%04d", i);
    }

    /**
     * A profile of CXL type 3 devices on the model of {@code emu:mem0} (its commands, CEL, health), each
     * with an identity of its own and no vendor commands.
     *
     * @param count how many devices
     * @return the profile, format 1, UTF-8 JSON
     */
    public static byte[] cxlDevices(int count) {
        StringJoiner devices = new StringJoiner(",\n", "{\"format\": 1, \"vendor\": \"fwgate benchmarks\", \"devices\": [\n",
                "]}\n");
        for (int i = 0; i < count; i++) {
            devices.add(String.format("{\"address\": \"%s\", \"base\": \"cxl-memory-device\", \"identity\": "
                    + "{\"pci-vendor-id\": \"0x8086\", \"pci-device-id\": \"0x0d93\", \"serial\": \"BENCH-%04d\","
                    + " \"description\": \"benchmark CXL memory device %d\"}}", deviceAddress(i), i, i));
        }
        return devices.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the bundle symbolic name of generated plugin {@code i} */
    public static String pluginName(int i) {
        return String.format("io.fwgate.bench.plugin%03d", i);
    }

    /** @return the one command generated plugin {@code i} declares */
    public static String commandName(int i) {
        return String.format("bench-counters-%03d", i);
    }

    /**
     * @param i the plugin's number, 0 to {@link #MAX_PLUGINS} - 1
     * @return its command table: {@link #commandName} at opcode E000h + i, telemetry, no effects
     */
    public static String table(int i) {
        if (i < 0 || i >= MAX_PLUGINS) {
            throw new IllegalArgumentException("plugin number " + i + " is outside 0.." + (MAX_PLUGINS - 1));
        }
        return table("Bench vendor " + i, commandName(i), FIRST_OPCODE + i);
    }

    /** @return the hot-reload plugin's table: {@link #RELOAD_COMMAND} at opcode E0FFh */
    public static String reloadTable() {
        return table("Bench reload", RELOAD_COMMAND, FIRST_OPCODE + MAX_PLUGINS);
    }

    private static String table(String vendor, String command, int opcode) {
        return "{\"format\": 1, \"vendor\": \"" + vendor + "\", \"match\": {\"kinds\": [\"cxl-memory-device\"]},"
                + " \"commands\": [{\"name\": \"" + command + "\", \"opcode\": \"" + String.format("0x%04x", opcode)
                + "\", \"description\": \"generated vendor counters\", \"effects\": [], \"level\": \"telemetry\","
                + " \"request\": {\"size\": 0}, \"response\": {\"max-size\": 0, \"fields\": []}}]}";
    }
}
