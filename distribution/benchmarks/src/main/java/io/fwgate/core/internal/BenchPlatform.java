package io.fwgate.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.Transport;
import io.fwgate.benchmarks.Generated;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * The platform's call path without a framework, for the benchmarks: a {@link Router} put together as
 * {@link FwgateCore} does it (default policy, plugin registry, per-device locks, bounded sends, taint
 * flag) over one transport, with the shipped CXL table ({@code cxl-mem.json} from the plugin jar) plus
 * any generated plugins, and the audit either off or the durable {@link AuditLog}. Thread-safe, as the
 * router is.
 */
public final class BenchPlatform implements AutoCloseable {
    /** Root: the default policy grants it every level on the device, so no call is refused. */
    public static final Caller ROOT = new Caller(0, 0, new long[] { 0 });
    private static final String CXL_TABLE = "OSGI-INF/fwgate/cxl-mem.json";

    /** How the core sends to the transport. */
    public enum Sends {
        /**
         * On the caller's thread, as the core calls a transport registered with
         * {@code fwgate.transport.bounded=true}: the emulator, and the kernel transports.
         */
        DIRECT,
        /** Through the deadline's sender thread, as the core calls any other transport. */
        WITH_DEADLINE
    }

    /** Where the router's records go. */
    public enum Audit {
        /** Nowhere: the gate's own cost. */
        OFF,
        /** The durable, hash-chained audit log, each record on disk before the call returns. */
        DURABLE
    }

    private final Devices devices;
    private final PluginRegistry registry;
    private final Router router;
    private final Optional<AuditLog> log;

    private BenchPlatform(Devices devices, PluginRegistry registry, Router router, Optional<AuditLog> log) {
        this.devices = devices;
        this.registry = registry;
        this.router = router;
        this.log = log;
    }

    /**
     * A platform that calls the transport directly, as the core calls the emulator.
     *
     * @param transport the devices
     * @param plugins how many generated plugins ({@link Generated#table}) to admit beside the CXL table
     * @param audit where records go
     * @param work an empty directory for the configuration (left empty: the default policy) and state
     * @return the platform, ready for calls
     */
    public static BenchPlatform start(Transport transport, int plugins, Audit audit, Path work) {
        return start(transport, plugins, audit, Sends.DIRECT, work);
    }

    /**
     * @param transport the devices
     * @param plugins how many generated plugins ({@link Generated#table}) to admit beside the CXL table
     * @param audit where records go
     * @param sends how the core sends to the transport
     * @param work an empty directory for the configuration (left empty: the default policy) and state
     * @return the platform, ready for calls
     */
    public static BenchPlatform start(Transport transport, int plugins, Audit audit, Sends sends, Path work) {
        try {
            Path config = Files.createDirectories(work.resolve("config"));
            Path state = Files.createDirectories(work.resolve("state"));
            Settings settings = new Settings(config, state, new PolicyLoader(new UnixNames(Map.of("root", 0L), Map.of())));
            PluginRegistry registry = new PluginRegistry(settings::caps);
            admit(registry, 1, "io.fwgate.plugin.cxl.mem", List.of(table(CXL_TABLE, shippedCxlTable())));
            for (int i = 0; i < plugins; i++) {
                admit(registry, 100 + i, Generated.pluginName(i), List.of(table(Generated.pluginName(i),
                        Generated.table(i).getBytes(StandardCharsets.UTF_8))));
            }
            Devices devices = new Devices(() -> List.of(transport), Devices.DEFAULT_TIMEOUT,
                    t -> sends == Sends.DIRECT);
            Optional<AuditLog> log = audit == Audit.DURABLE ? Optional.of(new AuditLog(state, Clock.systemUTC()))
                    : Optional.empty();
            // the log itself, not a method reference to append: the router asks it for appendLater (one fsync per
            // telemetry call) as it does in the product
            AuditAppender appender = log.isPresent() ? log.get() : record -> 0L;
            Router router = new Router(settings, devices, registry, (bundle, name) -> Optional.empty(), appender,
                    new TaintFlag(state), Optional::empty);
            return new BenchPlatform(devices, registry, router, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the benchmark's directories in " + work, e);
        }
    }

    private static void admit(PluginRegistry registry, long bundleId, String name, List<CommandTable> tables) {
        PluginRecord admitted = registry.admit(new PluginRecord(bundleId, name, "1.0.0", List.of("table.json"), tables,
                Optional.empty(), ""));
        if (!admitted.active()) {
            throw new IllegalStateException("the registry refused " + name + ": " + admitted.detail());
        }
    }

    private static CommandTable table(String source, byte[] json) {
        ParseResult parsed = TableParser.parse(source, json);
        return parsed.table().orElseThrow(() -> new IllegalStateException(source + " does not parse: "
                + parsed.problems()));
    }

    private static byte[] shippedCxlTable() throws IOException {
        try (InputStream in = BenchPlatform.class.getClassLoader().getResourceAsStream(CXL_TABLE)) {
            if (in == null) {
                throw new IOException(CXL_TABLE + " is not on the class path (fwgate-plugin-cxl-mem is missing)");
            }
            return in.readAllBytes();
        }
    }

    /**
     * One call through resolve, gate, audit, send and decode, as root, with no arguments.
     *
     * @param device the device
     * @param command a command name
     * @return the decoded result
     * @throws CallException as the router throws it
     */
    public CallResult call(DeviceId device, String command) throws CallException {
        return router.call(ROOT, new CallRequest(device, command, Map.of(), false));
    }

    /**
     * @param device the device
     * @param command a command name
     * @return the request the router sends for it: what the floor sends straight to the transport
     * @throws CallException if the command is unknown there
     */
    public DeviceRequest request(DeviceId device, String command) throws CallException {
        CallRequest call = new CallRequest(device, command, Map.of(), false);
        return PreparedCall.prepare(call, router.commandsOf(router.find(call)), (bundle, name) -> Optional.empty())
                .request;
    }

    /** @return every device, as {@code fwgate list} shows them */
    public List<DeviceInfo> list() {
        return devices.all();
    }

    /** @return the names of the commands callable on the device, as {@code fwgate commands} lists them */
    public List<String> commands(DeviceId device) throws CallException {
        List<String> names = new ArrayList<>();
        router.commandsOf(router.find(new CallRequest(device, "", Map.of(), false))).all()
                .forEach(bound -> names.add(bound.spec().name()));
        return names;
    }

    /** @return how many plugins the registry holds */
    public int plugins() {
        return registry.plugins().size();
    }

    @Override
    public void close() {
        devices.close();
        log.ifPresent(AuditLog::close);
    }
}
