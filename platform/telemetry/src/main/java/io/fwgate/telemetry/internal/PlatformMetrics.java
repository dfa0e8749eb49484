package io.fwgate.telemetry.internal;

import java.util.ArrayList;
import java.util.List;

import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The platform's state, read from the gateway at each scrape: {@code fwgate_plugin_state} (1 per plugin,
 * labelled with its bundle, version, state {@code ACTIVE} or {@code REFUSED} and the refusal reason) and
 * {@code fwgate_tainted} (1 once a debug-write or debug-write-full command ran on this host). Thread-safe.
 */
final class PlatformMetrics implements MultiCollector {
    private final Gateway gateway;
    private final Caller self;

    /**
     * @param gateway the platform
     * @param self the identity status is asked with (taint is the same for every caller)
     */
    PlatformMetrics(Gateway gateway, Caller self) {
        this.gateway = gateway;
        this.self = self;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        GaugeSnapshot.Builder plugins = GaugeSnapshot.builder().name("fwgate_plugin_state")
                .help("Plugin bundles the platform knows: 1 per plugin, its state and refusal reason in labels");
        for (PluginView plugin : gateway.plugins()) {
            plugins.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1)
                    .labels(Labels.of("bundle", plugin.bundle(), "version", plugin.version(), "state", plugin.state(),
                            "reason", plugin.reason()))
                    .build());
        }
        snapshots.add(plugins.build());
        snapshots.add(GaugeSnapshot.builder().name("fwgate_tainted")
                .help("1 once a debug-write or debug-write-full command ran on this host (fwgate status says which)")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(gateway.status(self).tainted() ? 1 : 0).build())
                .build());
        return new MetricSnapshots(snapshots);
    }
}
