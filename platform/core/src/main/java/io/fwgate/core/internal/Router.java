package io.fwgate.core.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.fwgate.api.DecodeException;
import io.fwgate.api.Level;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.Tunnel;
import io.fwgate.platform.CallEvent;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.DevMode;
import io.fwgate.platform.RefusedException;

/**
 * One call's path: resolve and encode, then under the device's lock: judge (gate), audit the decision,
 * taint if needed, send, decode, audit the result. Success is reported only after its record is durable.
 * Nothing is sent before the decision to send it is durable, except for a call that only reads (a
 * telemetry command without effects): its decision and result become durable together, before it
 * returns.
 */
final class Router {
    private final Settings settings;
    private final Devices devices;
    private final PluginRegistry registry;
    private final PreparedCall.DecoderLookup decoders;
    private final AuditAppender audit;
    private final TaintFlag taint;
    private final Supplier<Optional<DevMode>> devMode;
    private final DecoderDeadline decoding;
    /** Told about every judged call; null while nobody listens, so a call builds no event then. */
    private volatile Consumer<CallEvent> observers;

    /** A router whose plugins' Java decoders may take as long as a device may take to answer. */
    Router(Settings settings, Devices devices, PluginRegistry registry, PreparedCall.DecoderLookup decoders,
            AuditAppender audit, TaintFlag taint, Supplier<Optional<DevMode>> devMode) {
        this(settings, devices, registry, decoders, audit, taint, devMode, new DecoderDeadline(devices.timeout()));
    }

    Router(Settings settings, Devices devices, PluginRegistry registry, PreparedCall.DecoderLookup decoders,
            AuditAppender audit, TaintFlag taint, Supplier<Optional<DevMode>> devMode, DecoderDeadline decoding) {
        this.settings = settings;
        this.devices = devices;
        this.registry = registry;
        this.decoders = decoders;
        this.audit = audit;
        this.taint = taint;
        this.devMode = devMode;
        this.decoding = decoding;
    }

    /** @param observers told about every judged call once its records are durable; null for nobody */
    void observeWith(Consumer<CallEvent> observers) {
        this.observers = observers;
    }

    private void notify(Devices.Reached device, PreparedCall prepared, Requirement needed, String decision,
            String outcome, long start, Map<String, Object> response) {
        Consumer<CallEvent> told = observers;
        if (told != null) {
            told.accept(new CallEvent(device.info(), prepared.name, prepared.plugin(), needed.level(), decision,
                    outcome, System.nanoTime() - start, response));
        }
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
        policy(); // an invalid policy refuses every call before the device or command is even looked up
        Devices.Reached device = find(call);
        PreparedCall prepared;
        try {
            prepared = PreparedCall.prepare(call, registry.commandsOf(device.info()), decoders);
        } catch (CallException e) {
            Optional<PluginRecord> changed = registry.retiredOwner(device.info(), call.command());
            if (changed.isPresent() && registry.commandsOf(device.info()).named(call.command()) == null) {
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
            boolean tunnel = prepared.opcode == Tunnel.OPCODE;
            DeviceEffects effects = tunnel ? DeviceEffects.none("a tunnel is judged by what it carries")
                    : devices.effectsOf(device);
            Requirement needed = tunnel ? TunnelJudge.requirement(prepared, device.info().id(), registry, devices)
                    : prepared.requirement(effects);
            CallRecord record = new CallRecord(caller, call, prepared, needed, grant, devModeActive());
            Optional<String> refusal = Gate.refusal(prepared.name, needed, grant, policy.role(), call.confirm());
            long start = System.nanoTime();
            if (refusal.isPresent()) {
                write(record.with("decision", "refused", "reason", refusal.get()));
                notify(device, prepared, needed, "refused", "refused", start, Map.of());
                throw new RefusedException("refused: " + refusal.get(), needed.level(), needed.reach(),
                        grant.level(), grant.reach());
            }
            Map<String, Object> allowed = record.with("decision", "allowed", "reason", needed.why());
            if (prepared.changesNothing(needed, effects)) {
                // Sending a command that only reads changes nothing on the device, so its decision may become
                // durable with its result, one sync for both, before the call returns. A crash in between
                // loses the records of a call that changed nothing and was never reported to its caller.
                writeLater(allowed);
            } else {
                write(allowed);
            }
            if (Gate.taints(needed.level())
                    || (needed.level().compareTo(Level.CONFIGURATION) >= 0 && fromDevBundle(prepared))) {
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

    private CallResult send(Devices.Reached device, PreparedCall prepared, Requirement needed, CallRecord record,
            long start) throws CallException {
        DeviceResponse response;
        try {
            Optional<PluginRecord> decodingPlugin = prepared.decodingPlugin();
            if (decodingPlugin.isPresent()) {
                decoding.refuseIfHung(decodingPlugin.get());
            }
            response = devices.send(device, scoped(device, prepared.request, needed));
        } catch (IOException | RuntimeException e) {
            write(record.with("result", "delivery-failed", "error", String.valueOf(e.getMessage())));
            notify(device, prepared, needed, "allowed", "delivery-failed", start, Map.of());
            throw new CallException(CallException.Kind.DELIVERY_FAILED,
                    "could not deliver " + prepared.name + " to " + device.info().id() + ": " + e.getMessage(), e);
        }
        byte[] payload = response.payload();
        int most = prepared.request.maxResponseSize();
        if (payload.length > most) {
            throw undecodable(device, prepared, needed, record, start, response.status(), device.info().id()
                    + " answered with " + payload.length + " bytes, more than the at most " + most + " "
                    + prepared.name + " returns; the answer was not decoded");
        }
        Map<String, Object> decoded = Map.of();
        if (response.ok()) {
            try {
                decoded = prepared.decode(payload, response.fields(), decoding);
            } catch (DecodeException e) {
                throw undecodable(device, prepared, needed, record, start, response.status(), device.info().id()
                        + " answered " + prepared.name + " with a response that does not decode: " + e.getMessage());
            }
        }
        String statusName = ReturnCodes.name(device.info().kind(), response.status());
        boolean ok = response.ok() || response.status() == ReturnCodes.CXL_BACKGROUND_STARTED;
        long seq = write(record.with("result", ok ? "success" : "device-error", "status", response.status(),
                "status-name", statusName, "response-bytes", payload.length));
        notify(device, prepared, needed, "allowed", ok ? "success" : "device-error", start, decoded);
        return new CallResult(device.info().id(), prepared.name, prepared.opcode, needed.level(), needed.reach(),
                response.status(), statusName, decoded, seq);
    }

    /** Records an answer that cannot be read, and the failure the caller gets. */
    private CallException undecodable(Devices.Reached device, PreparedCall prepared, Requirement needed,
            CallRecord record, long start, int status, String problem) throws CallException {
        write(record.with("result", "undecodable", "status", status, "error", problem));
        notify(device, prepared, needed, "allowed", "undecodable", start, Map.of());
        return new CallException(CallException.Kind.DELIVERY_FAILED, problem);
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
            throw auditFailed(e);
        }
    }

    private CallException auditFailed(IOException e) {
        return new CallException(CallException.Kind.AUDIT_FAILED, "cannot write the audit log in "
                + settings.stateDir() + ": " + describe(e) + "; nothing was sent. Choose a state directory you"
                + " can write with --state DIR (or FWGATE_STATE)", e);
    }

    private void writeLater(Map<String, Object> record) throws CallException {
        try {
            audit.appendLater(record);
        } catch (IOException e) {
            throw auditFailed(e);
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException ? "file system error" : "I/O error";
        return kind + " (" + e.getMessage() + ")";
    }

    PluginRegistry.DeviceCommands commandsOf(Devices.Reached device) {
        return registry.commandsOf(device.info());
    }
}
