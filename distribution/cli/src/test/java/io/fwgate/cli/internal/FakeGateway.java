package io.fwgate.cli.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.StatusView;
import io.fwgate.tables.FieldSpec;

/** A gateway with one emulated device whose answers a test sets; records the calls it gets. */
final class FakeGateway implements Gateway {
    static final DeviceId MEM0 = DeviceId.parse("emu:mem0");
    static final DeviceId NVME0 = DeviceId.parse("emu:nvme0");

    /** What {@link #call} does: answer or fail. */
    interface Answer {
        CallResult answer(Caller caller, CallRequest request) throws CallException;
    }

    final List<Caller> callers = new ArrayList<>();
    final List<CallRequest> requests = new ArrayList<>();
    Answer answer = (caller, request) -> identify(request);
    AuditTrail audit = new Trail(List.of(), new AuditVerification(true, 0, ""));

    final List<DeviceInfo> devices = new ArrayList<>(List.of(new DeviceInfo(MEM0, DeviceKind.CXL_MEMORY_DEVICE,
            0x8086, 0x0d93, Optional.of("0x1234"), "emulated CXL memory expander"),
            new DeviceInfo(DeviceId.parse("mctp:1,8"), DeviceKind.MCTP_ENDPOINT, -1, -1, Optional.empty(), "")));

    @Override
    public List<DeviceInfo> devices() {
        return List.copyOf(devices);
    }

    @Override
    public List<CommandView> commands(DeviceId device) throws CallException {
        if (!device.equals(MEM0)) {
            throw new CallException(CallException.Kind.BAD_REQUEST, "unknown device " + device);
        }
        return List.of(
                new CommandView("identify", 0x4000, "Identify Memory Device", Level.TELEMETRY, Reach.DEVICE, Set.of(),
                        Set.of(), List.of(), "io.fwgate.plugin.cxl.mem"),
                new CommandView("set-lsa", 0x4103, "Set Label Storage Area", Level.CONFIGURATION, Reach.DEVICE,
                        Set.of(Effect.CONFIG_CHANGE_IMMEDIATE), Set.of(Effect.CONFIG_CHANGE_IMMEDIATE,
                                Effect.DATA_CHANGE_IMMEDIATE),
                        List.of(new FieldSpec("offset", "u32", "byte offset", Optional.of("0"), List.of()),
                                new FieldSpec("mode", "u8", "", Optional.empty(), List.of("fast", "full"))),
                        "io.fwgate.plugin.cxl.mem"));
    }

    @Override
    public CallResult call(Caller caller, CallRequest request) throws CallException {
        callers.add(caller);
        requests.add(request);
        return answer.answer(caller, request);
    }

    static CallResult identify(CallRequest request) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("fw-revision", "FWGATE EMU 1.0");
        response.put("total-capacity-bytes", new BigInteger("18446744073709551616"));
        response.put("lsa-size", 1024L);
        response.put("poison", Map.of("max-records", 256L));
        response.put("slots", List.of("a", Map.of("id", 7L)));
        return new CallResult(request.device(), request.command(), 0x4000, Level.TELEMETRY, Reach.DEVICE, 0,
                "success", response, 42);
    }

    /** What {@link #progress} answers, one per poll; empty: the device has no background status. */
    final Deque<BackgroundProgress> progress = new ArrayDeque<>();
    final List<DeviceId> polled = new ArrayList<>();

    @Override
    public BackgroundProgress progress(Caller caller, DeviceId device) throws CallException {
        polled.add(device);
        if (progress.isEmpty()) {
            throw new CallException(CallException.Kind.BAD_REQUEST, device + " has no background status");
        }
        return progress.size() == 1 ? progress.peek() : progress.poll();
    }

    @Override
    public List<PluginView> plugins() {
        return List.of(new PluginView("io.fwgate.plugin.cxl.mem", "1.0.1.SNAPSHOT", "ACTIVE", "", "",
                List.of("tables/cxl-mem.json"), 11),
                new PluginView("com.example.bad", "0.1.0", "REFUSED", "level-above-cap", "tables/x.json: wipe",
                        List.of("tables/x.json"), 0));
    }

    @Override
    public StatusView status(Caller caller) {
        return new StatusView(true, Optional.of("2026-01-01T00:00:00Z emu:mem0 sanitize"), "host", caller,
                Level.TELEMETRY, Reach.DEVICE, "/etc/fwgate", "/var/lib/fwgate", false);
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    /** An audit trail with fixed records and verdict. */
    record Trail(List<Map<String, Object>> all, AuditVerification verdict) implements AuditTrail {
        @Override
        public List<Map<String, Object>> records(int limit) throws IOException {
            return limit == 0 ? all : all.subList(Math.max(0, all.size() - limit), all.size());
        }

        @Override
        public AuditVerification verify() throws IOException {
            return verdict;
        }
    }
}
