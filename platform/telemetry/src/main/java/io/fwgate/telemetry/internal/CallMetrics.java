package io.fwgate.telemetry.internal;

import io.fwgate.platform.CallEvent;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Turns each judged call into metrics: {@code fwgate_gate_decisions_total} by the level the command needed,
 * the decision and the outcome; {@code fwgate_call_duration_seconds}, a histogram per device and command of
 * the calls the gate allowed (from the decision to the durable result record); and the decoded values its
 * table marks as metrics. Quick and non-blocking, as a {@code CallObserver} must be. Thread-safe.
 */
final class CallMetrics {
    /** From a fast mailbox read to a device that takes the whole call timeout. */
    private static final double[] LATENCY_BOUNDS = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
            5, 10, 30 };
    private static final String ALLOWED = "allowed";
    private static final String SUCCESS = "success";

    private final Counter decisions;
    private final Histogram latency;
    private final MetricCatalog catalog;
    private final DeviceMetrics devices;

    /**
     * @param registry where the call metrics are registered
     * @param catalog which response fields are metrics
     * @param devices where decoded metric values go
     */
    CallMetrics(PrometheusRegistry registry, MetricCatalog catalog, DeviceMetrics devices) {
        this.catalog = catalog;
        this.devices = devices;
        decisions = Counter.builder().name("fwgate_gate_decisions_total")
                .help("Calls the gate judged, by the level the command needed, the decision and the outcome")
                .labelNames("level", "decision", "outcome").register(registry);
        latency = Histogram.builder().name("fwgate_call_duration_seconds").unit(Unit.SECONDS)
                .help("Time from the gate allowing a call to its durable result record")
                .labelNames("device", "command").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
    }

    /** @param event a call the gate judged */
    void observed(CallEvent event) {
        decisions.labelValues(event.level().id(), event.decision(), event.outcome()).inc();
        if (!ALLOWED.equals(event.decision())) {
            return;
        }
        latency.labelValues(event.device().id().toString(), event.command()).observe(Unit.nanosToSeconds(event.nanos()));
        if (SUCCESS.equals(event.outcome())) {
            devices.record(event.device(), catalog.metricsOf(event.plugin(), event.command()), event.response());
        }
    }
}
