package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;

/**
 * Issue item 1, one caller: the latency of Get Health Info (4200h) on the emulated {@code emu:mem0}
 * through router, gate and audit, against sending the same encoded request to the emulated device
 * directly (the floor), with the parts in between measured on their own: the core's deadline for
 * transports that do not bound their own waiting (a hand-off to a sender thread, so a hung device cannot
 * hang the caller), alone and in a call, and one durable audit record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GateBenchmark {
    static final DeviceId MEM0 = new DeviceId(EmulatedFabric.SCHEME, "mem0");
    static final String COMMAND = "get-health-info";

    private Path work;
    private Transport fabric;
    private BenchPlatform auditOff;
    private BenchPlatform withDeadline;
    private BenchPlatform auditDurable;
    private DeviceRequest request;
    private BoundedSender sender;
    private AuditLog log;
    private Map<String, Object> record;

    @Setup(Level.Trial)
    public void start() throws CallException {
        work = Workspace.create("gate");
        fabric = EmulatedFabric.create(List.of());
        auditOff = BenchPlatform.start(fabric, 0, BenchPlatform.Audit.OFF, work.resolve("off"));
        withDeadline = BenchPlatform.start(fabric, 0, BenchPlatform.Audit.OFF, BenchPlatform.Sends.WITH_DEADLINE,
                work.resolve("deadline"));
        auditDurable = BenchPlatform.start(fabric, 0, BenchPlatform.Audit.DURABLE, work.resolve("durable"));
        request = auditOff.request(MEM0, COMMAND);
        sender = new BoundedSender(Devices.DEFAULT_TIMEOUT);
        log = new AuditLog(work.resolve("log"), Clock.systemUTC());
        // a decision record of the size and shape the router writes for this call
        record = AuditLog.fields("caller", AuditLog.fields("uid", 0, "gid", 0, "groups", new long[] { 0 }),
                "device", MEM0.toString(), "command", COMMAND, "opcode", "0x4200", "plugin",
                "io.fwgate.plugin.cxl.mem 1.0.0", "arguments", Map.of(), "level", "telemetry", "reach", "device",
                "granted-level", "debug-write-full", "granted-reach", "device", "decision", "allowed", "reason",
                "declared telemetry; the device reports no effects");
        CallResult first = auditOff.call(MEM0, COMMAND);
        if (!first.ok() || !Long.valueOf(3).equals(first.response().get("life-used-percent"))) {
            throw new IllegalStateException("emu:mem0 did not answer Get Health Info as the emulator documents"
                    + " (3% life used): " + first.response());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        auditOff.close();
        withDeadline.close();
        auditDurable.close();
        sender.close();
        log.close();
        Workspace.delete(work);
    }

    /** The floor: the emulated device's mailbox handles the encoded request, nothing else. */
    @Benchmark
    public DeviceResponse floor() throws IOException {
        return fabric.send(MEM0, request);
    }

    /** The floor plus the core's deadline: the send runs on a sender thread while the caller waits. */
    @Benchmark
    public DeviceResponse boundedSend() throws IOException {
        return sender.send(fabric, MEM0, request);
    }

    /** A whole call, audit off: resolve, encode, gate, send (directly, as to the emulator), decode. */
    @Benchmark
    public CallResult callAuditOff() throws CallException {
        return auditOff.call(MEM0, COMMAND);
    }

    /** The same through the deadline's sender thread, as a transport not bounded by itself is called. */
    @Benchmark
    public CallResult callWithDeadline() throws CallException {
        return withDeadline.call(MEM0, COMMAND);
    }

    /** A whole call with its two durable audit records (decision, then result). */
    @Benchmark
    public CallResult callAuditDurable() throws CallException {
        return auditDurable.call(MEM0, COMMAND);
    }

    /** One durable audit record alone: JSON, hash chain, write, fsync, head file. */
    @Benchmark
    public long auditAppend() throws IOException {
        return log.append(record);
    }
}
