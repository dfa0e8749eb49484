package io.fwgate.core.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.fwgate.cci.Tunnel;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;

/**
 * The audit records of one judged call: its decision, then its result, each the call's description
 * (who, what, where, what it needs and what the caller has) followed by that step's own fields.
 *
 * <p>A record's map is built when it is first read, not when the router hands it over: the durable log
 * reads each record once, on the appending thread, while an appender that keeps nothing (the
 * benchmarks' audit-off seam) costs the call neither the maps nor the formatting. Not thread-safe.
 */
final class CallRecord {
    private final Caller caller;
    private final CallRequest call;
    private final PreparedCall prepared;
    private final Requirement needed;
    private final Grant grant;
    private final boolean devMode;

    CallRecord(Caller caller, CallRequest call, PreparedCall prepared, Requirement needed, Grant grant,
            boolean devMode) {
        this.caller = caller;
        this.call = call;
        this.prepared = prepared;
        this.needed = needed;
        this.grant = grant;
        this.devMode = devMode;
    }

    /**
     * @param keyValues the step's fields, as name, value pairs
     * @return the call's description followed by those fields, built when first read
     */
    Map<String, Object> with(Object... keyValues) {
        return new Lazy(() -> {
            Map<String, Object> record = describe();
            record.putAll(AuditLog.fields(keyValues));
            return record;
        });
    }

    private Map<String, Object> describe() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("caller", AuditLog.fields("uid", caller.uid(), "gid", caller.gid(), "groups", caller.groups()));
        record.put("device", call.device().toString());
        record.put("command", prepared.name);
        record.put("opcode", String.format("0x%04x", prepared.opcode));
        record.put("plugin", prepared.plugin());
        record.put("arguments", new TreeMap<>(call.arguments()));
        record.put("level", needed.level().id());
        record.put("reach", needed.reach().id());
        record.put("granted-level", grant.level().id());
        record.put("granted-reach", grant.reach().id());
        if (prepared.opcode == Tunnel.OPCODE) {
            TunnelJudge.inner(prepared).ifPresent(inner -> {
                record.put("tunnel-path", Tunnel.describe(inner.path()));
                record.put("inner-opcode", String.format("0x%04x", inner.opcode()));
            });
        }
        if (devMode) {
            record.put("dev-mode", true);
        }
        return record;
    }

    /** A read-only map computed on first read. */
    private static final class Lazy extends AbstractMap<String, Object> {
        private final Supplier<Map<String, Object>> build;
        private Map<String, Object> built;

        Lazy(Supplier<Map<String, Object>> build) {
            this.build = build;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (built == null) {
                built = Collections.unmodifiableMap(build.get());
            }
            return built.entrySet();
        }
    }
}
