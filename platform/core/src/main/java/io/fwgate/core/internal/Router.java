package io.fwgate.core.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.fwgate.api.DecodeException;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.CallEvent;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.DevMode;
import io.fwgate.platform.RefusedException;

/**
 * One call's path: resolve and encode, then under the device's lock: judge (gate), audit the decision,
 * taint if needed, send, decode, audit the result. Success is reported only after its record is durable,
 * and nothing is sent before the decision to send it is durable.
 */
final class Router {
    private final Settings settings;
    private final Devices devices;
    private final PluginRegistry registry;
    private final PreparedCall.DecoderLookup decoders;
    private final AuditAppender audit;
    private final TaintFlag taint;
    private final java.util.function.Supplier<Optional<DevMode>> devMode;
    private volatile java.util.function.Consumer<CallEvent> observers = e -> { };

    Router(Settings settings, Devices devices, PluginRegistry registry, PreparedCall.DecoderLookup decoders,
            AuditAppender audit, TaintFlag taint, java.util.function.Supplier<Optional<DevMode>> devMode) {
        this.settings = settings;
        this.devices = devices;
        this.registry = registry;
        this.decoders = decoders;
        this.audit = audit;
        this.taint = taint;
        this.devMode = devMode;
    }

    /** @param observers told about every judged call once its records are durable */
    void observeWith(java.util.function.Consumer<CallEvent> observers) {
        this.observers = observers;
    }

    private void notify(Devices.Reached device, PreparedCall prepared, Requirement needed, String decision,
            String outcome, long start, Map<String, Object> response) {
        observers.accept(new CallEvent(device.info(), prepared.name, prepared.plugin(), needed.level(), decision,
                outcome, System.nanoTime() - start, response));
    }

    boolean devModeActive() {
        return devMode.get().map(DevMode::active).orElse(false);
    }

    /** A developer's unsigned plugin that runs anything beyond telemetry marks the host tainted. */
    private boolean fromDevBundle(PreparedCall prepared) {
        return prepared.command.isPresent()
                && devMode.get().map(m -> m.isDevBundle(prepared.command.get().plugin().bundleId())).orElse(false);
    }

    CallResult call(Caller caller, CallRequest call) throws CallException {
        Policy policy = policy();
        Devices.Reached device = find(call);
        PreparedCall prepared;
        try {
            prepared = PreparedCall.prepare(call, registry.commandsFor(device.info()), decoders);
        } catch (CallException e) {
            Optional<PluginRecord> changed = registry.retiredOwner(device.info(), call.command());
            if (changed.isPresent() && registry.commandsFor(device.info()).stream()
                    .noneMatch(b -> b.spec().name().equals(call.command()))) {
                throw new CallException(CallException.Kind.DELIVERY_FAILED, "plugin changed: "
                        + changed.get().symbolicName() + " " + changed.get().version() + ", which declares "
                        + call.command() + ", is being updated or was removed; nothing was sent, retry", e);
            }
            throw e;
        }
        return execute(caller, device, prepared, call);
    }

    /**
     * Runs a prepared call through the gate, the audit log and the transport.
     *
     * @param caller who asks
     * @param device the device
     * @param prepared the encoded call
     * @param call the caller's request, as audited (arguments, confirmation)
     * @return the device's answer
     * @throws CallException if refused, not delivered or not audited
     */
    CallResult execute(Caller caller, Devices.Reached device, PreparedCall prepared, CallRequest call)
            throws CallException {
        Policy policy = policy();
        Grant grant = policy.grantFor(caller);
        ReentrantLock lock = devices.lock(device.info().id());
        lock.lock();
        try {
            Requirement needed = prepared.opcode == io.fwgate.cci.Tunnel.OPCODE
                    ? TunnelJudge.requirement(prepared, device.info().id(), registry, devices)
                    : prepared.requirement(devices.effectsOf(device));
            Map<String, Object> record = baseRecord(caller, call, prepared, needed, grant);
            if (prepared.opcode == io.fwgate.cci.Tunnel.OPCODE) {
                TunnelJudge.inner(prepared).ifPresent(inner -> {
                    record.put("tunnel-path", io.fwgate.cci.Tunnel.describe(inner.path()));
                    record.put("inner-opcode", String.format("0x%04x", inner.opcode()));
                });
            }
            if (devModeActive()) {
                record.put("dev-mode", true);
            }
            Optional<String> refusal = Gate.refusal(prepared.name, needed, grant, policy.role(), call.confirm());
            long start = System.nanoTime();
            if (refusal.isPresent()) {
                write(with(record, "decision", "refused", "reason", refusal.get()));
                notify(device, prepared, needed, "refused", "refused", start, Map.of());
                throw new RefusedException("refused: " + refusal.get(), needed.level(), needed.reach(),
                        grant.level(), grant.reach());
            }
            write(with(record, "decision", "allowed", "reason", needed.why()));
            if (Gate.taints(needed.level())
                    || (needed.level().compareTo(io.fwgate.api.Level.CONFIGURATION) >= 0 && fromDevBundle(prepared))) {
                markTainted(call, prepared, needed);
            }
            return send(device, prepared, needed, record, start);
        } finally {
            lock.unlock();
        }
    }

    Policy policy() throws CallException {
        try {
            return settings.policy();
        } catch (InvalidConfigException e) {
            throw new CallException(CallException.Kind.REFUSED,
                    "refused: the policy is invalid, so every call is refused until it is fixed: " + e.getMessage());
        }
    }

    Devices.Reached find(CallRequest call) throws CallException {
        return devices.find(call.device()).orElseThrow(() -> new CallException(CallException.Kind.BAD_REQUEST,
                "unknown device " + call.device() + " (`fwgate list` shows the devices)"));
    }

    private CallResult send(Devices.Reached device, PreparedCall prepared, Requirement needed,
            Map<String, Object> record, long start) throws CallException {
        DeviceResponse response;
        try {
            response = devices.send(device, scoped(device, prepared.request, needed));
        } catch (IOException | RuntimeException e) {
            write(with(record, "result", "delivery-failed", "error", String.valueOf(e.getMessage())));
            notify(device, prepared, needed, "allowed", "delivery-failed", start, Map.of());
            throw new CallException(CallException.Kind.DELIVERY_FAILED,
                    "could not deliver " + prepared.name + " to " + device.info().id() + ": " + e.getMessage(), e);
        }
        String statusName = ReturnCodes.name(device.info().kind(), response.status());
        Map<String, Object> decoded = Map.of();
        if (response.ok()) {
            try {
                decoded = prepared.decode(response.payload(), response.fields());
            } catch (DecodeException e) {
                write(with(record, "result", "undecodable", "status", response.status(), "error", e.getMessage()));
                notify(device, prepared, needed, "allowed", "undecodable", start, Map.of());
                throw new CallException(CallException.Kind.DELIVERY_FAILED, device.info().id() + " answered "
                        + prepared.name + " with a response that does not decode: " + e.getMessage());
            }
        }
        boolean ok = response.ok() || response.status() == ReturnCodes.CXL_BACKGROUND_STARTED;
        long seq = write(with(record, "result", ok ? "success" : "device-error", "status", response.status(),
                "status-name", statusName, "response-bytes", response.payload().length));
        notify(device, prepared, needed, "allowed", ok ? "success" : "device-error", start, decoded);
        return new CallResult(device.info().id(), prepared.name, prepared.opcode, needed.level(), needed.reach(),
                response.status(), statusName, decoded, seq);
    }

    /**
     * fwctl runs an RPC at a scope the caller names; it is the gate's level (fwgate's levels are named after
     * the fwctl scopes), so the kernel enforces the same judgement a second time.
     */
    static io.fwgate.api.spi.DeviceRequest scoped(Devices.Reached device, io.fwgate.api.spi.DeviceRequest request,
            Requirement needed) {
        if (device.info().kind() != io.fwgate.api.DeviceKind.FWCTL_DEVICE) {
            return request;
        }
        Map<String, Long> parameters = new java.util.HashMap<>(request.parameters());
        parameters.put(FWCTL_LEVEL_PARAMETER, (long) needed.level().ordinal());
        return new io.fwgate.api.spi.DeviceRequest(request.opcode(), request.payload(), parameters,
                request.maxResponseSize());
    }

    /** The request parameter through which the fwctl transport learns the gate's level (0 telemetry .. 3). */
    static final String FWCTL_LEVEL_PARAMETER = "level";

    private void markTainted(CallRequest call, PreparedCall prepared, Requirement needed) throws CallException {
        try {
            taint.set(java.time.Instant.now() + " " + needed.level().id() + " command " + prepared.name + " on "
                    + call.device());
        } catch (IOException e) {
            throw new CallException(CallException.Kind.AUDIT_FAILED,
                    "cannot set the taint flag in " + settings.stateDir() + ": " + e.getMessage()
                            + "; the command was not sent");
        }
    }

    private long write(Map<String, Object> record) throws CallException {
        try {
            return audit.append(record);
        } catch (IOException e) {
            throw new CallException(CallException.Kind.AUDIT_FAILED, "cannot write the audit log in "
                    + settings.stateDir() + ": " + describe(e) + "; nothing was sent. Choose a state directory you"
                    + " can write with --state DIR (or FWGATE_STATE)", e);
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException ? "file system error" : "I/O error";
        return kind + " (" + e.getMessage() + ")";
    }

    private static Map<String, Object> baseRecord(Caller caller, CallRequest call, PreparedCall prepared,
            Requirement needed, Grant grant) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("caller", AuditLog.fields("uid", caller.uid(), "gid", caller.gid(), "groups", caller.groups()));
        record.put("device", call.device().toString());
        record.put("command", prepared.name);
        record.put("opcode", String.format("0x%04x", prepared.opcode));
        record.put("plugin", prepared.plugin());
        record.put("arguments", new java.util.TreeMap<>(call.arguments()));
        record.put("level", needed.level().id());
        record.put("reach", needed.reach().id());
        record.put("granted-level", grant.level().id());
        record.put("granted-reach", grant.reach().id());
        return record;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> record = new LinkedHashMap<>(base);
        record.putAll(AuditLog.fields(keyValues));
        return record;
    }

    List<PluginRegistry.Bound> commandsOf(Devices.Reached device) {
        return registry.commandsFor(device.info());
    }
}
