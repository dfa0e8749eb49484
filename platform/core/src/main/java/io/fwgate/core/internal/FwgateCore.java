package io.fwgate.core.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.namespace.extender.ExtenderNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;

import io.fwgate.api.CommandTables;
import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Reach;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.Transport;
import io.fwgate.platform.AuditSink;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.CallEvent;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallObserver;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.DevMode;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginSource;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.StatusView;

/**
 * The platform: tracks transports and decoders (whiteboard), command tables (extender), and offers the
 * {@link Gateway}. Configuration comes from the framework properties {@code fwgate.config} and
 * {@code fwgate.state}.
 */
@Component(service = { Gateway.class, AuditSink.class }, immediate = true)
@Capability(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = CommandTables.EXTENDER,
        version = CommandTables.EXTENDER_VERSION)
public final class FwgateCore implements Gateway, AuditSink {
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    /** Transports registered with {@value #BOUNDED_PROPERTY}=true: they time their commands out themselves. */
    private final java.util.Set<Transport> boundedTransports = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final String BOUNDED_PROPERTY = "fwgate.transport.bounded";
    private final List<PluginSource> sources = new CopyOnWriteArrayList<>();
    private volatile DevMode devMode;
    private final List<CallObserver> observers = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Map<String, Object>, ResponseDecoder>> decoders = new CopyOnWriteArrayList<>();
    private final Settings settings;
    private final PluginRegistry registry;
    private final Devices devices;
    private final AuditLog audit;
    private final TaintFlag taint;
    private final DecoderDeadline decoding;
    private final Router router;
    private final BundleTracker<PluginRecord> extender;

    @Activate
    public FwgateCore(BundleContext context) {
        settings = Settings.fromProperties(context.getProperty(Settings.CONFIG_PROPERTY),
                context.getProperty(Settings.STATE_PROPERTY));
        registry = new PluginRegistry(settings::caps);
        devices = new Devices(() -> transports, timeout(context.getProperty("fwgate.call.timeout-seconds")),
                boundedTransports::contains);
        audit = new AuditLog(settings.stateDir(), Clock.systemUTC());
        taint = new TaintFlag(settings.stateDir());
        decoding = new DecoderDeadline(devices.timeout());
        router = new Router(settings, devices, registry, this::decoder, audit, taint,
                () -> Optional.ofNullable(devMode), decoding);
        extender = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new TableExtender(registry));
        extender.open();
    }

    /**
     * {@code fwgate.call.timeout-seconds}: how long one device may take to answer one command, and one
     * plugin's Java decoder to read the answer.
     */
    private static java.time.Duration timeout(String seconds) {
        try {
            return seconds == null ? Devices.DEFAULT_TIMEOUT : java.time.Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return Devices.DEFAULT_TIMEOUT;
        }
    }

    @Deactivate
    void deactivate() {
        extender.close();
        devices.close();
        decoding.close();
        audit.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport transport, Map<String, Object> properties) {
        if (Boolean.parseBoolean(String.valueOf(properties.get(BOUNDED_PROPERTY)))) {
            boundedTransports.add(transport);
        }
        transports.add(transport);
    }

    void removeTransport(Transport transport) {
        transports.remove(transport);
        boundedTransports.remove(transport);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDecoder(ResponseDecoder decoder, Map<String, Object> properties) {
        decoders.add(Map.entry(properties, decoder));
    }

    void removeDecoder(ResponseDecoder decoder, Map<String, Object> properties) {
        decoders.removeIf(e -> e.getValue() == decoder);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(PluginSource source) {
        sources.add(source);
    }

    void removeSource(PluginSource source) {
        sources.remove(source);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addObserver(CallObserver observer) {
        observers.add(observer);
        router.observeWith(this::tellObservers);
    }

    synchronized void removeObserver(CallObserver observer) {
        observers.remove(observer);
        if (observers.isEmpty()) {
            router.observeWith(null); // with nobody listening, a call builds no event
        }
    }

    private void tellObservers(CallEvent event) {
        for (CallObserver observer : observers) {
            try {
                observer.observed(event);
            } catch (RuntimeException e) {
                // an observer must not break a call whose records are already durable
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDevMode(DevMode mode) {
        devMode = mode;
    }

    void unsetDevMode(DevMode mode) {
        if (devMode == mode) {
            devMode = null;
        }
    }

    private Optional<ResponseDecoder> decoder(long bundleId, String name) {
        return decoders.stream()
                .filter(e -> Long.valueOf(bundleId).equals(e.getKey().get(Constants.SERVICE_BUNDLEID))
                        && name.equals(e.getKey().get(ResponseDecoder.NAME_PROPERTY)))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public List<DeviceInfo> devices() {
        return devices.all();
    }

    @Override
    public List<CommandView> commands(DeviceId id) throws CallException {
        Devices.Reached device = router.find(new CallRequest(id, "", Map.of(), false));
        List<CommandView> views = new ArrayList<>();
        ReentrantLock lock = devices.lock(id);
        lock.lock();
        try {
            DeviceEffects effects = devices.effectsOf(device);
            for (PluginRegistry.Bound bound : router.commandsOf(device).all()) {
                var spec = bound.spec();
                Requirement needed = Requirement.of(spec, effects);
                views.add(new CommandView(spec.name(), spec.opcode(), spec.description(), needed.level(),
                        needed.reach(), spec.effects(), effects.of(spec.opcode()).orElse(java.util.Set.of()),
                        spec.request().fields(), bound.plugin().symbolicName()));
            }
        } finally {
            lock.unlock();
        }
        return views;
    }

    @Override
    public CallResult call(Caller caller, CallRequest request) throws CallException {
        return router.call(caller, request);
    }

    @Override
    public BackgroundProgress progress(Caller caller, DeviceId id) throws CallException {
        router.policy();
        return ProgressReader.read(router, caller, router.find(new CallRequest(id, "", Map.of(), false)));
    }

    @Override
    public List<PluginView> plugins() {
        List<PluginView> views = new ArrayList<>(registry.plugins().stream()
                .map(p -> p.view(decoding.hung(p.bundleId()).map(DecoderDeadline.Hung::describe))).toList());
        sources.forEach(source -> views.addAll(source.plugins()));
        return views;
    }

    @Override
    public StatusView status(Caller caller) {
        Optional<String> taintCause = taint.read();
        String role;
        Grant grant;
        try {
            Policy policy = settings.policy();
            role = policy.role().id;
            grant = policy.grantFor(caller);
            if (policy.role() != Policy.Role.FABRIC_MANAGER) {
                grant = new Grant(grant.level(), Reach.DEVICE);
            }
        } catch (InvalidConfigException e) {
            role = "invalid configuration: " + e.getMessage();
            grant = Grant.TELEMETRY;
        }
        return new StatusView(taintCause.isPresent(), taintCause, role, caller, grant.level(), grant.reach(),
                settings.configDir().toString(), settings.stateDir().toString(), router.devModeActive());
    }

    @Override
    public long append(String event, Map<String, Object> fields) throws IOException {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("event", event);
        record.putAll(fields);
        return audit.append(record);
    }

    @Override
    public AuditTrail audit() {
        return audit.trail();
    }
}
