package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Describes the machine a run's figures come from: they mean little without it. */
final class Machine {
    private Machine() {
    }

    /** @return processors, memory, CPU model, JDK, kernel and a one-line summary of them */
    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        long memoryMiB = memInfoKiB("MemTotal").map(kib -> kib / 1024).orElse(-1L);
        String cpu = cpuModel().orElse("unknown CPU");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        machine.put("nproc", cpus);
        machine.put("memory-mib", memoryMiB);
        machine.put("cpu", cpu);
        machine.put("jdk", jdk);
        machine.put("kernel", kernel);
        machine.put("load-average-at-start", loadAverage());
        machine.put("summary", cpus + " CPUs (" + cpu + "), " + memoryMiB + " MiB, " + jdk + ", " + kernel);
        return machine;
    }

    /** @return the 1, 5 and 15 minute load averages: other work on a shared machine skews every figure */
    static String loadAverage() {
        return lines(Path.of("/proc/loadavg")).stream().findFirst()
                .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3))).orElse("unknown");
    }

    private static Optional<Long> memInfoKiB(String key) {
        return lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst();
    }

    private static Optional<String> cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of(); // not Linux, or not readable: the summary says "unknown"
        }
    }
}
