package io.fwgate.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.Transport;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.TableParser;

/**
 * The core's call path assembled in-process as {@code FwgateCore} assembles it (settings, registry,
 * devices with a send deadline, audit log, taint flag, router), over test transports, with plugins
 * admitted as the extender admits them. Not thread-safe to build; the router it builds is.
 */
final class Rig implements AutoCloseable {
    static final Caller ROOT = new Caller(0, 0, new long[] { 0 });
    static final Caller USER = new Caller(1000, 1000, new long[] { 1000 });

    final Path config;
    final Path state;
    final PluginRegistry registry;
    final Devices devices;
    final AuditLog audit;
    final Router router;
    private final List<Transport> transports = new ArrayList<>();
    private final Map<String, ResponseDecoder> decoders = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param config the configuration directory (policy.json, role)
     * @param state the state directory (audit log, taint flag)
     * @param timeout how long one device may take to answer one command
     */
    Rig(Path config, Path state, Duration timeout) {
        this.config = config;
        this.state = state;
        Settings settings = new Settings(config, state, new PolicyLoader(new UnixNames(Map.of("root", 0L), Map.of())));
        registry = new PluginRegistry(settings::caps);
        devices = new Devices(() -> transports, timeout);
        audit = new AuditLog(state, Clock.systemUTC());
        router = new Router(settings, devices, registry, (bundle, name) -> Optional.ofNullable(decoders.get(name)),
                audit::append, new TaintFlag(state), Optional::empty);
    }

    Rig transport(Transport transport) {
        transports.add(transport);
        return this;
    }

    Rig decoder(String name, ResponseDecoder decoder) {
        decoders.put(name, decoder);
        return this;
    }

    /** Admits the cxl-mem plugin's own table, as shipped, under the given bundle id. */
    Rig cxlMemPlugin(long bundleId) throws IOException {
        return bundledPlugin(bundleId, "io.fwgate.plugin-cxl-mem", "OSGI-INF/fwgate/cxl-mem.json");
    }

    /** Admits a bundled plugin's table resource, as shipped, under the given bundle id. */
    Rig bundledPlugin(long bundleId, String name, String resource) throws IOException {
        return plugin(bundleId, name, "1.0.0", resource(resource));
    }

    Rig plugin(long bundleId, String name, String version, byte[] json) {
        ParseResult parsed = TableParser.parse(name, json);
        CommandTable table = parsed.table().orElseThrow(() -> new IllegalArgumentException(parsed.problems().toString()));
        registry.admit(new PluginRecord(bundleId, name, version, List.of("table.json"), List.of(table),
                Optional.empty(), ""));
        return this;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = Rig.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    CallResult call(Caller caller, String device, String command, Map<String, String> args, boolean confirm)
            throws CallException {
        return router.call(caller, new CallRequest(FaultyDevice.id(device), command, args, confirm));
    }

    List<Map<String, Object>> records() throws IOException {
        return new AuditLog(state, Clock.systemUTC()).trail().records(0);
    }

    @Override
    public void close() {
        devices.close();
        audit.close();
    }
}
