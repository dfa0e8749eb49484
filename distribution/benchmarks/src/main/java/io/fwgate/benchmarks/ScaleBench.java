package io.fwgate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.Transport;
import io.fwgate.core.internal.BenchPlatform;
import io.fwgate.core.internal.Workspace;
import io.fwgate.emulator.kit.EmulatedFabric;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;

/**
 * Item 8, in this JVM: 1,000 emulated CXL memory devices (the emulator's own model, from a generated
 * profile) and 100 generated plugins. Memory per device (heap after full collections, at three device
 * counts, so linearity shows), {@code list} latency, and a Get Health Info sweep over every device with
 * the durable audit, sequential and with 8 callers, cold (the platform reads each device's CEL on its
 * first call) and warm.
 */
final class ScaleBench {
    static final String TARGET = "sweep of 1,000 devices (get-health-info, durable audit) under 1 s in-process";
    private static final int DEVICES = 1000;
    private static final int PLUGINS = 100;
    private static final int[] STEPS = { 250, 500, 1000 };
    private static final double SWEEP_LIMIT_MS = 1000;
    private final Options options;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    ScaleBench(Options options) {
        this.options = options;
    }

    void run(Report report) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add(DEVICES + " emulated CXL memory devices, " + PLUGINS + " generated plugins (each adds a command to"
                + " every CXL memory device) plus the shipped CXL table:");
        lines.add("");
        memoryOfDevices(figures, lines);
        Transport fabric = EmulatedFabric.createProfilesOnly(List.of(Generated.cxlDevices(DEVICES)));
        List<DeviceId> ids = IntStream.range(0, DEVICES)
                .mapToObj(i -> new DeviceId(EmulatedFabric.SCHEME, Generated.deviceAddress(i))).toList();
        Path work = Workspace.create("scale");
        try (BenchPlatform durable = BenchPlatform.start(fabric, PLUGINS, BenchPlatform.Audit.DURABLE, work.resolve("d"));
                BenchPlatform off = BenchPlatform.start(fabric, PLUGINS, BenchPlatform.Audit.OFF, work.resolve("o"))) {
            long before = usedHeap();
            double cold = sweep(durable, ids, 1);
            long platformBytes = (usedHeap() - before) / DEVICES;
            figures.put("platform-bytes-per-device", platformBytes);
            lines.add("- the platform's own state per device after its first call (lock, cached CEL effects): "
                    + Report.format(platformBytes) + " bytes");
            Stats list = listLatency(durable);
            figures.put("list", list.toMap("ms"));
            lines.add("- `list` of " + durable.list().size() + " devices (min / p50 / p99 / max): " + list.brief() + " ms");
            lines.add("");
            lines.add("| sweep of " + DEVICES + " devices | wall time (ms) |");
            lines.add("|---|---|");
            Map<String, Double> sweeps = new LinkedHashMap<>();
            sweeps.put("durable audit, 1 caller, cold (first calls read the CEL)", cold);
            sweeps.put("durable audit, 1 caller, warm", sweep(durable, ids, 1));
            sweeps.put("durable audit, 8 callers, warm", sweep(durable, ids, 8));
            sweeps.put("durable audit, 64 callers, warm", sweep(durable, ids, 64));
            sweep(off, ids, 1);
            sweeps.put("audit off, 1 caller, warm", sweep(off, ids, 1));
            sweeps.put("audit off, 8 callers, warm", sweep(off, ids, 8));
            sweeps.forEach((what, ms) -> lines.add("| " + what + " | " + Report.format(ms) + " |"));
            figures.put("sweep-ms", roundAll(sweeps));
            double one = sweeps.get("durable audit, 1 caller, warm");
            double best = Math.min(one, Math.min(sweeps.get("durable audit, 8 callers, warm"),
                    sweeps.get("durable audit, 64 callers, warm")));
            report.section("scale", "8. Scale", figures, lines);
            report.verdict(Verdict.judged(8, TARGET, Report.format(one) + " ms with 1 caller; " + Report.format(best)
                    + " ms at best with 8 or 64 callers; cold " + Report.format(cold) + " ms", best < SWEEP_LIMIT_MS, "audit off the sweep takes "
                    + Report.format(sweeps.get("audit off, 1 caller, warm")) + " ms: the rest is the durable audit, and one caller waits"
                    + " for each call's fsync alone"));
        } finally {
            Workspace.delete(work);
        }
    }

    /** Heap of the emulated devices at several counts: the growth per device, and whether it is linear. */
    private void memoryOfDevices(Map<String, Object> figures, List<String> lines) {
        Map<String, Object> perDevice = new LinkedHashMap<>();
        List<Double> slopes = new ArrayList<>();
        for (int count : STEPS) {
            long before = usedHeap();
            Transport fabric = EmulatedFabric.createProfilesOnly(List.of(Generated.cxlDevices(count)));
            long bytes = usedHeap() - before;
            java.lang.ref.Reference.reachabilityFence(fabric);
            slopes.add((double) bytes / count);
            perDevice.put(Integer.toString(count), bytes / count);
        }
        double spread = slopes.stream().mapToDouble(d -> d).max().orElse(0) / slopes.stream().mapToDouble(d -> d).min()
                .orElse(1);
        figures.put("emulated-bytes-per-device-at", perDevice);
        figures.put("emulated-bytes-per-device-spread", Report.round(spread));
        StringBuilder at = new StringBuilder();
        perDevice.forEach((count, bytes) -> at.append(at.length() == 0 ? "" : ", ").append(Report.format((Long) bytes))
                .append(" at ").append(count));
        lines.add("- heap per emulated device (the emulator's model, mostly its 128 KiB label storage area): " + at
                + " devices; largest / smallest " + Report.format(spread) + (spread <= 1.15 ? ", linear" : ", NOT linear"));
    }

    private long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private Stats listLatency(BenchPlatform platform) {
        long[] samples = new long[options.pick(10, 50)];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            if (platform.list().size() < DEVICES) {
                throw new IllegalStateException("list shows fewer than " + DEVICES + " devices");
            }
            samples[i] = System.nanoTime() - start;
        }
        return Stats.millisOf(samples);
    }

    /** @return the wall time in ms of one Get Health Info on every device, by {@code callers} threads */
    private static double sweep(BenchPlatform platform, List<DeviceId> ids, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int first = c;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < ids.size(); i += callers) {
                        check(platform.call(ids.get(i), "get-health-info"));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e6;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(CallResult result) throws CallException {
        if (!result.ok()) {
            throw new CallException(CallException.Kind.DELIVERY_FAILED, result.device() + " answered "
                    + result.statusName());
        }
    }

    private static Map<String, Object> roundAll(Map<String, Double> values) {
        Map<String, Object> rounded = new LinkedHashMap<>();
        values.forEach((k, v) -> rounded.put(k, Report.round(v)));
        return rounded;
    }
}
