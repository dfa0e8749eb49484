package io.fwgate.telemetry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.StatusView;

/** A gateway with devices and commands set by the test; it records the calls it gets. */
final class FakeGateway implements Gateway {
    final Map<DeviceId, DeviceInfo> devices = new LinkedHashMap<>();
    final Map<DeviceId, List<CommandView>> commands = new LinkedHashMap<>();
    final List<CallRequest> calls = new ArrayList<>();
    final List<Caller> callers = new ArrayList<>();
    final List<PluginView> plugins = new ArrayList<>();
    boolean tainted;

    FakeGateway device(DeviceInfo device, CommandView... views) {
        devices.put(device.id(), device);
        commands.put(device.id(), List.of(views));
        return this;
    }

    static CommandView command(String name, Level level) {
        return new CommandView(name, 0x4200, "a command", level, Reach.DEVICE, Set.of(), Set.of(), List.of(),
                "com.example.plugin");
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.copyOf(devices.values());
    }

    @Override
    public List<CommandView> commands(DeviceId device) throws CallException {
        List<CommandView> views = commands.get(device);
        if (views == null) {
            throw new CallException(CallException.Kind.BAD_REQUEST, "unknown device " + device);
        }
        return views;
    }

    @Override
    public CallResult call(Caller caller, CallRequest request) throws CallException {
        calls.add(request);
        callers.add(caller);
        return new CallResult(request.device(), request.command(), 0x4200, Level.TELEMETRY, Reach.DEVICE, 0, "success",
                Map.of(), calls.size());
    }

    @Override
    public BackgroundProgress progress(Caller caller, DeviceId device) throws CallException {
        throw new CallException(CallException.Kind.BAD_REQUEST, "not in this fake");
    }

    @Override
    public List<PluginView> plugins() {
        return List.copyOf(plugins);
    }

    @Override
    public StatusView status(Caller caller) {
        return new StatusView(tainted, tainted ? Optional.of("debug-write command x on emu:mem0") : Optional.empty(),
                "host", caller, Level.TELEMETRY, Reach.DEVICE, "/etc/fwgate", "/var/lib/fwgate", false);
    }

    @Override
    public AuditTrail audit() {
        throw new UnsupportedOperationException("the telemetry never reads the audit trail through the gateway");
    }
}
