package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.Transport;
import io.fwgate.core.internal.BenchPlatform;
import io.fwgate.core.internal.Workspace;
import io.fwgate.emulator.kit.EmulatedFabric;

/**
 * Item 4: Get Health Info over the daemon's Unix socket against the same call in this process, measured
 * the same way in the same run: one client's p50/p99 on {@code emu:mem0}, and calls/s with 1, 8 and 64
 * clients (each on its own connection, client i on CXL memory device i mod K). Both sides use the durable
 * audit; in this process, K generated devices of the same emulated model stand for the daemon's K.
 */
final class DaemonBench {
    static final String TARGET = "daemon round trip and throughput, against in-process";
    private static final String COMMAND = "get-health-info";
    private static final int[] CLIENTS = { 1, 8, 64 };
    private final Options options;

    DaemonBench(Options options) {
        this.options = options;
    }

    void run(Report report, DaemonRun daemon) throws Exception {
        List<String> devices = healthyCxlDevices(daemon.socket);
        int rounds = options.pick(1, 3);
        int samples = options.pick(500, 3000) / rounds;
        double seconds = options.pick(1, 2);
        Path work = Workspace.create("daemon-compare");
        Transport same = EmulatedFabric.createProfilesOnly(List.of(Generated.cxlDevices(devices.size())));
        List<DeviceId> ids = IntStream.range(0, devices.size())
                .mapToObj(i -> new DeviceId(EmulatedFabric.SCHEME, Generated.deviceAddress(i))).toList();
        DeviceId mem0 = new DeviceId(EmulatedFabric.SCHEME, "mem0");
        List<long[]> remote = new ArrayList<>();
        List<long[]> local = new ArrayList<>();
        Map<Integer, Double> remoteRates = new LinkedHashMap<>();
        Map<Integer, Double> localRates = new LinkedHashMap<>();
        try (SocketClient client = SocketClient.connect(daemon.socket);
                BenchPlatform one = BenchPlatform.start(EmulatedFabric.create(List.of()), 0, BenchPlatform.Audit.DURABLE,
                        work.resolve("one"));
                BenchPlatform many = BenchPlatform.start(same, 0, BenchPlatform.Audit.DURABLE, work.resolve("many"))) {
            Load.Worker overSocket = () -> client.call("emu:mem0", COMMAND);
            Load.Worker here = () -> check(one.call(mem0, COMMAND).ok());
            Load.latencies(options.pick(200, 1000), 0, overSocket);
            Load.latencies(options.pick(200, 1000), 0, here);
            // the shared disk's speed drifts by the minute: alternate the two sides in rounds
            for (int r = 0; r < rounds; r++) {
                remote.add(Load.latencies(0, samples, overSocket));
                local.add(Load.latencies(0, samples, here));
            }
            for (int clients : CLIENTS) {
                double[] remoteRounds = new double[rounds];
                double[] localRounds = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    remoteRounds[r] = Load.callsPerSecond(clients, seconds, c -> socketWorker(daemon.socket,
                            devices.get(c % devices.size())));
                    localRounds[r] = Load.callsPerSecond(clients, seconds, c -> () -> check(many.call(
                            ids.get(c % ids.size()), COMMAND).ok()));
                }
                remoteRates.put(clients, Stats.of(remoteRounds).p50());
                localRates.put(clients, Stats.of(localRounds).p50());
            }
        } finally {
            Workspace.delete(work);
        }
        report(report, devices, Stats.microsOf(concat(remote)), Stats.microsOf(concat(local)), remoteRates, localRates,
                rounds);
    }

    private static Load.Worker socketWorker(Path socket, String device) throws IOException {
        SocketClient client = SocketClient.connect(socket);
        return new Load.Worker() {
            @Override
            public void call() throws IOException {
                client.call(device, COMMAND);
            }

            @Override
            public void close() throws IOException {
                client.close();
            }
        };
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }

    private static void check(boolean ok) throws IOException {
        if (!ok) {
            throw new IOException(COMMAND + " did not succeed in process");
        }
    }

    /** @return the daemon's CXL memory devices that answer Get Health Info with success */
    private static List<String> healthyCxlDevices(Path socket) throws IOException {
        List<String> healthy = new ArrayList<>();
        try (SocketClient client = SocketClient.connect(socket)) {
            for (JsonNode device : client.request("devices", Map.of())) {
                String id = device.path("id").asText();
                if ("cxl-memory-device".equals(device.path("kind").asText())) {
                    try {
                        client.call(id, COMMAND);
                        healthy.add(id);
                    } catch (IOException e) {
                        // a device that cannot answer this command is no place to measure it
                    }
                }
            }
        }
        if (healthy.isEmpty()) {
            throw new IOException("no CXL memory device of the daemon answers " + COMMAND);
        }
        return healthy;
    }

    private static void report(Report report, List<String> devices, Stats remote, Stats local,
            Map<Integer, Double> remoteRates, Map<Integer, Double> localRates, int rounds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("devices", devices);
        figures.put("daemon-latency", remote.toMap("us"));
        figures.put("in-process-latency", local.toMap("us"));
        List<String> lines = new ArrayList<>();
        lines.add("Get Health Info, durable audit on both sides. The daemon runs as `fwgate daemon` (the script's JVM"
                + " flags); the in-process side is this JVM. Clients: " + devices.size() + " CXL memory devices "
                + devices + ". The two sides alternate in " + rounds + " rounds; throughput is the median round.");
        lines.add("");
        lines.add("| | daemon | in-process | daemon / in-process |");
        lines.add("|---|---|---|---|");
        lines.add("| latency, 1 client, min / p50 / p99 / max (µs) | " + remote.brief() + " | " + local.brief() + " | p50 "
                + Report.format(remote.p50() / local.p50()) + "x, p99 " + Report.format(remote.p99() / local.p99()) + "x |");
        for (Map.Entry<Integer, Double> rate : remoteRates.entrySet()) {
            double here = localRates.get(rate.getKey());
            figures.put(rate.getKey() + "-clients-calls-per-s", Map.of("daemon", Report.round(rate.getValue()),
                    "in-process", Report.round(here)));
            lines.add("| throughput, " + rate.getKey() + " clients (calls/s) | " + Report.format(rate.getValue()) + " | "
                    + Report.format(here) + " | " + Report.format(rate.getValue() / here) + "x |");
        }
        report.section("daemon", "4. Daemon round trip", figures, lines);
        report.verdict(Verdict.reported(4, TARGET + " (no numeric target)", "p50 " + Report.format(remote.p50())
                + " µs vs " + Report.format(local.p50()) + " µs; 64 clients " + Report.format(remoteRates.get(64)) + " vs "
                + Report.format(localRates.get(64)) + " calls/s", "the socket adds " + Report.format(remote.p50()
                        - local.p50()) + " µs at p50; both sides wait for the same fsyncs"));
    }
}
