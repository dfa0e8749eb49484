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
 * Issue item 3: calls per second on 1 device and on 64, audit off, as threads grow (the runner sets 1,
 * 2, 8). Thread i calls device i mod N. With a zero-latency device this is the platform's own rate; with
 * a device that takes {@code deviceMicros} to answer (without using the processor, as a mailbox) it shows
 * whether calls to different devices overlap while calls to one device wait for each other. The device
 * watch fails the trial if two sends ever reached one device at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelismBenchmark {
    @Param({ "1", "64" })
    public int devices;

    @Param({ "0", "200" })
    public int deviceMicros;

    private Path work;
    private WatchedTransport watched;
    private BenchPlatform platform;
    private List<DeviceId> ids;

    @Setup(Level.Trial)
    public void start() {
        work = Workspace.create("parallel");
        watched = new WatchedTransport(EmulatedFabric.createProfilesOnly(List.of(Generated.cxlDevices(devices))),
                deviceMicros);
        platform = BenchPlatform.start(watched, 0, BenchPlatform.Audit.OFF, work);
        ids = IntStream.range(0, devices).mapToObj(i -> new DeviceId(EmulatedFabric.SCHEME, Generated.deviceAddress(i)))
                .toList();
    }

    @TearDown(Level.Trial)
    public void stop() {
        platform.close();
        Workspace.delete(work);
        if (watched.overlaps() > 0) {
            throw new IllegalStateException("per-device serialization broken: " + watched.overlaps()
                    + " sends reached a device that was still busy");
        }
        System.out.println("device watch: no overlapping sends on one device; at most " + watched.mostAtOnce()
                + " sends in progress at once over all devices");
    }

    /** One caller's device. */
    @State(Scope.Thread)
    public static class Seat {
        DeviceId device;

        @Setup(Level.Trial)
        public void take(ParallelismBenchmark benchmark, ThreadParams thread) {
            device = benchmark.ids.get(thread.getThreadIndex() % benchmark.ids.size());
        }
    }

    @Benchmark
    public CallResult call(Seat seat) throws CallException {
        return platform.call(seat.device, GateBenchmark.COMMAND);
    }
}
