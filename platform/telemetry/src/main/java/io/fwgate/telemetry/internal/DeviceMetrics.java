package io.fwgate.telemetry.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.tables.MetricField;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The last value each device reported for each metric its tables mark, exported as
 * {@code fwgate_device_<name>} with the labels {@code device}, {@code kind}, {@code vendor} (PCI vendor id,
 * {@code 0x1e98}, empty when unknown) and {@code serial}. A metric name belongs to the first table that
 * reports it: a later table giving the same name another kind is ignored for that name, and its help too.
 * Thread-safe: calls record, scrapes read.
 */
final class DeviceMetrics implements MultiCollector {
    static final String PREFIX = "fwgate_device_";

    private final ConcurrentMap<String, Family> families = new ConcurrentHashMap<>();

    /** One metric and its value per device. */
    private record Family(MetricField.Kind kind, String help, ConcurrentMap<DeviceId, Sample> samples) {
    }

    private record Sample(Labels labels, double value) {
    }

    /**
     * Takes the marked values of one successful call's decoded response.
     *
     * @param device the device that answered
     * @param metrics the fields its command's table marks as metrics
     * @param response the decoded response
     */
    void record(DeviceInfo device, List<MetricField> metrics, Map<String, Object> response) {
        for (MetricField metric : metrics) {
            Family family = families.computeIfAbsent(metric.name(),
                    name -> new Family(metric.kind(), metric.help(), new ConcurrentHashMap<>()));
            if (family.kind() != metric.kind()) {
                continue;
            }
            Optional<Double> value = number(response.get(metric.field()));
            if (value.isPresent() && (metric.kind() == MetricField.Kind.GAUGE || value.get() >= 0)) {
                family.samples().put(device.id(), new Sample(labels(device), value.get()));
            } else {
                // "not-implemented" (or a missing field) now: an old reading would be a lie
                family.samples().remove(device.id());
            }
        }
    }

    /**
     * Forgets the devices that are gone, so their last values are not exported forever.
     *
     * @param present the devices known now
     */
    void retain(Set<DeviceId> present) {
        families.values().forEach(family -> family.samples().keySet().retainAll(present));
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        new TreeMap<>(families).forEach((name, family) -> {
            Collection<Sample> samples = family.samples().values();
            if (!samples.isEmpty()) {
                snapshots.add(snapshot(PREFIX + name, family, samples));
            }
        });
        return new MetricSnapshots(snapshots);
    }

    private static MetricSnapshot snapshot(String name, Family family, Collection<Sample> samples) {
        if (family.kind() == MetricField.Kind.COUNTER) {
            CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(family.help());
            samples.forEach(s -> counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(s.labels()).value(s.value()).build()));
            return counter.build();
        }
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(family.help());
        samples.forEach(s -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(s.labels()).value(s.value()).build()));
        return gauge.build();
    }

    /** @return the labels every device metric carries */
    static Labels labels(DeviceInfo device) {
        String vendor = device.pciVendorId() < 0 ? "" : String.format(Locale.ROOT, "0x%04x", device.pciVendorId());
        return Labels.of("device", device.id().toString(), "kind", device.kind().id(), "vendor", vendor, "serial",
                device.serial().orElse(""));
    }

    /** Decoded integers are Long or BigInteger, bool fields Boolean; anything else is no number. */
    private static Optional<Double> number(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Double) {
            return Optional.of(((Number) value).doubleValue());
        }
        if (value instanceof BigInteger) {
            return Optional.of(((BigInteger) value).doubleValue());
        }
        if (value instanceof Boolean) {
            return Optional.of((Boolean) value ? 1.0 : 0.0);
        }
        return Optional.empty();
    }
}
