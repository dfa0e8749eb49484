package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fwgate.api.ResponseDecoder;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;

/**
 * A router put together as {@link FwgateCore} puts it together (default policy, registry, devices,
 * durable audit log, taint flag), over one {@link FakeDevice}, with the tables and Java decoders a test
 * gives it.
 */
final class RouterFixture implements AutoCloseable {
    static final Caller ROOT = new Caller(0, 0, new long[] { 0 });
    static final Caller USER = new Caller(1000, 1000, new long[] { 1000 });

    final Path state;
    final FakeDevice device;
    final PluginRegistry registry;
    final Devices devices;
    final AuditLog log;
    final DecoderDeadline decoding;
    final Router router;
    private final Map<String, ResponseDecoder> decoders = new ConcurrentHashMap<>();

    /**
     * @param config an empty configuration directory (the default policy)
     * @param state the state directory
     * @param device the device
     * @param decodeBound how long a Java decoder may take
     */
    RouterFixture(Path config, Path state, FakeDevice device, Duration decodeBound) {
        this.state = state;
        this.device = device;
        Settings settings = new Settings(config, state, new PolicyLoader(new UnixNames(Map.of("root", 0L), Map.of())));
        registry = new PluginRegistry(settings::caps);
        devices = new Devices(() -> List.of(device));
        log = new AuditLog(state, Clock.systemUTC());
        decoding = new DecoderDeadline(decodeBound);
        router = new Router(settings, devices, registry, (bundle, name) -> Optional.ofNullable(decoders.get(name)),
                log, new TaintFlag(state), Optional::empty, decoding);
    }

    /** Admits one plugin with one table. */
    RouterFixture table(long bundleId, String name, String json) {
        var parsed = io.fwgate.tables.TableParser.parse(name, json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).isEmpty();
        PluginRecord admitted = registry.admit(new PluginRecord(bundleId, name, "1.0.0", List.of(name + ".json"),
                List.of(parsed.table().get()), Optional.empty(), ""));
        assertThat(admitted.active()).isTrue();
        return this;
    }

    RouterFixture decoder(String name, ResponseDecoder decoder) {
        decoders.put(name, decoder);
        return this;
    }

    CallResult call(Caller caller, String command, Map<String, String> args, boolean confirm) throws CallException {
        return router.call(caller, new CallRequest(FakeDevice.ID, command, args, confirm));
    }

    /** @return the audit log's records, as read back from its file */
    List<Map<String, Object>> records() throws IOException {
        return log.trail().records(0);
    }

    /** @return the {@code result} of every result record, in order */
    List<Object> results() throws IOException {
        return records().stream().filter(r -> r.containsKey("result")).map(r -> r.get("result")).toList();
    }

    @Override
    public void close() {
        decoding.close();
        devices.close();
        log.close();
    }
}
