package io.fwgate.daemon.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

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

/**
 * A gateway with fixed answers of every kind a daemon forwards; records who called. Grants root
 * debug-write-full and everyone else telemetry, as the default policy does for a host without group fwgate.
 */
public final class FakeGateway implements Gateway {
    public static final DeviceId MEM0 = DeviceId.parse("emu:mem0");

    /** What {@link #call} does. */
    public interface Answer {
        CallResult answer(Caller caller, CallRequest request) throws CallException;
    }

    public final List<Caller> callers = new CopyOnWriteArrayList<>();
    public final List<CallRequest> requests = new CopyOnWriteArrayList<>();
    public volatile Answer answer = (caller, request) -> identify(request);
    public volatile IOException auditFailure;

    @Override
    public List<DeviceInfo> devices() {
        return List.of(new DeviceInfo(MEM0, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93, Optional.of("0xc0ffee00"),
                "emulated"), new DeviceInfo(DeviceId.parse("mctp:1,8"), DeviceKind.MCTP_ENDPOINT, -1, -1,
                        Optional.empty(), ""));
    }

    @Override
    public List<CommandView> commands(DeviceId device) throws CallException {
        known(device);
        return List.of(new CommandView("set-lsa", 0x4103, "Set LSA", Level.CONFIGURATION, Reach.DEVICE,
                Set.of(Effect.CONFIG_CHANGE_IMMEDIATE), Set.of(Effect.CONFIG_CHANGE_IMMEDIATE,
                        Effect.DATA_CHANGE_IMMEDIATE, Effect.EFFECTS_VALID),
                List.of(new FieldSpec("offset", "u32", "byte offset", Optional.of("0"), List.of()),
                        new FieldSpec("mode", "u8", "", Optional.empty(), List.of("fast", "full"))),
                "io.fwgate.plugin.cxl.mem"));
    }

    private static void known(DeviceId device) throws CallException {
        if (!device.equals(MEM0)) {
            throw new CallException(CallException.Kind.BAD_REQUEST, "unknown device " + device);
        }
    }

    @Override
    public CallResult call(Caller caller, CallRequest request) throws CallException {
        callers.add(caller);
        requests.add(request);
        known(request.device());
        return answer.answer(caller, request);
    }

    public static CallResult identify(CallRequest request) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("firmware-revision", "fwgate-emu 1.0");
        response.put("total-capacity-bytes", new BigInteger("18446744073709551616"));
        response.put("lsa-size", 131072L);
        response.put("slots", List.of("a", Map.of("id", 7L)));
        return new CallResult(request.device(), request.command(), 0x4000, Level.TELEMETRY, Reach.DEVICE, 0, "success",
                response, 42);
    }

    @Override
    public BackgroundProgress progress(Caller caller, DeviceId device) throws CallException {
        known(device);
        return new BackgroundProgress(true, 40, 0x4400, 0, "running");
    }

    @Override
    public List<PluginView> plugins() {
        return List.of(new PluginView("io.fwgate.plugin.cxl.mem", "1.0.1", "ACTIVE", "", "", List.of("t.json"), 11));
    }

    @Override
    public StatusView status(Caller caller) {
        Level level = caller.uid() == 0 ? Level.DEBUG_WRITE_FULL : Level.TELEMETRY;
        return new StatusView(false, Optional.empty(), "host", caller, level, Reach.DEVICE, "/etc/fwgate",
                "/var/lib/fwgate", false);
    }

    @Override
    public AuditTrail audit() {
        return new AuditTrail() {
            @Override
            public List<Map<String, Object>> records(int limit) throws IOException {
                if (auditFailure != null) {
                    throw auditFailure;
                }
                List<Map<String, Object>> records = new ArrayList<>();
                records.add(new LinkedHashMap<>(Map.of("seq", 1L, "decision", "allowed")));
                return records.subList(0, limit == 0 ? 1 : Math.min(limit, 1));
            }

            @Override
            public AuditVerification verify() throws IOException {
                return new AuditVerification(true, 1, "");
            }
        };
    }
}
