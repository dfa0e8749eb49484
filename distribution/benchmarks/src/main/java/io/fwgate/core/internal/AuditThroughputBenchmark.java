package io.fwgate.core.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

import io.fwgate.api.DeviceId;
import io.fwgate.benchmarks.Generated;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;

/**
 * Issue item 2: calls per second with the durable audit against audit off, as concurrent callers grow
 * (the runner sets the thread count: 1, 2, 8, 32). Each caller has a device of its own among
 * {@value #DEVICES} emulated CXL memory devices, so the per-device lock does not serialize callers and
 * records of different calls can share one fsync (group commit). The devices answer at once (the
 * platform's own rate is the baseline: the worst case for the audit) or after {@code deviceMicros}
 * without using the processor, as a mailbox does (the device's time is the baseline, as on hardware).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditThroughputBenchmark {
    static final int DEVICES = 64;

    @Param({ "OFF", "DURABLE" })
    public BenchPlatform.Audit audit;

    @Param({ "0", "200" })
    public int deviceMicros;

    private Path work;
    private BenchPlatform platform;
    private List<DeviceId> devices;

    @Setup(Level.Trial)
    public void start() {
        work = Workspace.create("audit");
        platform = BenchPlatform.start(new WatchedTransport(EmulatedFabric.createProfilesOnly(
                List.of(Generated.cxlDevices(DEVICES))), deviceMicros), 0, audit, work);
        devices = IntStream.range(0, DEVICES).mapToObj(i -> new DeviceId(EmulatedFabric.SCHEME, Generated.deviceAddress(i)))
                .toList();
    }

    @TearDown(Level.Trial)
    public void stop() {
        platform.close();
        Workspace.delete(work);
    }

    /** One caller's device. */
    @State(Scope.Thread)
    public static class Seat {
        DeviceId device;

        @Setup(Level.Trial)
        public void take(AuditThroughputBenchmark benchmark, ThreadParams thread) {
            device = benchmark.devices.get(thread.getThreadIndex() % benchmark.devices.size());
        }
    }

    @Benchmark
    public CallResult call(Seat seat) throws CallException {
        return platform.call(seat.device, GateBenchmark.COMMAND);
    }
}
