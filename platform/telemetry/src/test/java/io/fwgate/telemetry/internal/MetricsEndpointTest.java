package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.Level;
import io.fwgate.platform.CallEvent;
import io.fwgate.platform.Caller;
import io.fwgate.platform.PluginView;
import io.fwgate.tables.TableParser;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Calls observed, then the endpoint scraped and parsed with the Prometheus client's own parser. */
class MetricsEndpointTest {
    private static final String PLUGIN = "com.example.cxl";
    private static final DeviceInfo MEM0 = new DeviceInfo(DeviceId.parse("cxl:mem0"), DeviceKind.CXL_MEMORY_DEVICE,
            0x8086, 0x0d93, Optional.of("A1B2"), "CXL type 3");
    private static final DeviceInfo MEM1 = new DeviceInfo(DeviceId.parse("cxl:mem1"), DeviceKind.CXL_MEMORY_DEVICE,
            -1, -1, Optional.empty(), "CXL type 3");
    /** The fields of Get Health Info the cxl-mem table marks, written here as a vendor would. */
    private static final String TABLE = """
            {"format": 1, "vendor": "Example", "match": {"kinds": ["cxl-memory-device"]}, "commands": [
             {"name": "get-health-info", "opcode": "0x4200", "description": "health", "effects": [], "level": "telemetry",
              "response": {"max-size": 18, "fields": [
               {"name": "life-used-percent", "offset": 3, "type": "u8", "special": {"0xff": "not-implemented"},
                "metric": "gauge", "metric-help": "Device life used, in percent"},
               {"name": "device-temperature-celsius", "offset": 4, "type": "s16", "metric": "gauge",
                "metric-name": "temperature_celsius", "metric-help": "Device temperature, in degrees Celsius"},
               {"name": "dirty-shutdown-count", "offset": 6, "type": "u32", "metric": "counter",
                "metric-name": "dirty_shutdowns", "metric-help": "Dirty shutdowns"}]}}]}
            """;

    private final FakeGateway gateway = new FakeGateway();
    private final MetricCatalog catalog = new MetricCatalog();
    private final DeviceMetrics devices = new DeviceMetrics();
    private PrometheusEndpoint endpoint;
    private CallMetrics calls;

    @BeforeEach
    void start() throws Exception {
        catalog.add(7, PLUGIN, List.of(TableParser.parse("t.json", TABLE.getBytes(StandardCharsets.UTF_8)).table()
                .orElseThrow()));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(devices);
        registry.register(new PlatformMetrics(gateway, new Caller(0, 0, new long[0])));
        calls = new CallMetrics(registry, catalog, devices);
        endpoint = PrometheusEndpoint.start(new TelemetryConfig.Prometheus(InetAddress.getLoopbackAddress(), 0), registry);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void exportsTheMarkedValuesOfEachDeviceWithItsLabels() throws Exception {
        calls.observed(success(MEM0, Map.of("life-used-percent", 3L, "device-temperature-celsius", 38L,
                "dirty-shutdown-count", 2L)));
        calls.observed(success(MEM1, Map.of("life-used-percent", "not-implemented", "device-temperature-celsius", -5L,
                "dirty-shutdown-count", 0L)));

        Map<String, Metrics.MetricFamily> families = Scrape.families(endpoint.port());

        Metrics.MetricFamily temperature = families.get("fwgate_device_temperature_celsius");
        assertThat(temperature.getType()).isEqualTo(Metrics.MetricType.GAUGE);
        assertThat(temperature.getHelp()).isEqualTo("Device temperature, in degrees Celsius");
        assertThat(temperature.getMetricList()).extracting(Scrape::labels, m -> m.getGauge().getValue())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Map.of("device", "cxl:mem0", "kind", "cxl-memory-device",
                                "vendor", "0x8086", "serial", "A1B2"), 38.0),
                        org.assertj.core.groups.Tuple.tuple(Map.of("device", "cxl:mem1", "kind", "cxl-memory-device",
                                "vendor", "", "serial", ""), -5.0));
        // mem1 does not implement life used: it has no sample rather than a made-up one
        assertThat(families.get("fwgate_device_life_used_percent").getMetricList())
                .extracting(m -> Scrape.labels(m).get("device")).containsExactly("cxl:mem0");
        Metrics.MetricFamily shutdowns = families.get("fwgate_device_dirty_shutdowns_total");
        assertThat(shutdowns.getType()).isEqualTo(Metrics.MetricType.COUNTER);
        assertThat(shutdowns.getMetricList()).extracting(m -> m.getCounter().getValue()).containsExactlyInAnyOrder(2.0, 0.0);
    }

    @Test
    void countsGateDecisionsByLevelAndOutcomeAndTimesTheAllowedCalls() throws Exception {
        calls.observed(success(MEM0, Map.of()));
        calls.observed(new CallEvent(MEM0, "sanitize", PLUGIN, Level.DEBUG_WRITE_FULL, "refused", "refused", 1_000,
                Map.of()));
        calls.observed(new CallEvent(MEM0, "get-health-info", PLUGIN, Level.TELEMETRY, "allowed", "delivery-failed",
                7_500_000, Map.of()));

        Map<String, Metrics.MetricFamily> families = Scrape.families(endpoint.port());

        assertThat(families.get("fwgate_gate_decisions_total").getMetricList())
                .extracting(Scrape::labels, m -> m.getCounter().getValue()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Map.of("level", "telemetry", "decision", "allowed",
                                "outcome", "success"), 1.0),
                        org.assertj.core.groups.Tuple.tuple(Map.of("level", "debug-write-full", "decision", "refused",
                                "outcome", "refused"), 1.0),
                        org.assertj.core.groups.Tuple.tuple(Map.of("level", "telemetry", "decision", "allowed",
                                "outcome", "delivery-failed"), 1.0));
        Metrics.MetricFamily latency = families.get("fwgate_call_duration_seconds");
        assertThat(latency.getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
        assertThat(latency.getMetricList()).singleElement().satisfies(m -> {
            assertThat(Scrape.labels(m)).isEqualTo(Map.of("device", "cxl:mem0", "command", "get-health-info"));
            assertThat(m.getHistogram().getSampleCount()).isEqualTo(2);
            assertThat(m.getHistogram().getSampleSum()).isEqualTo(0.0100);
        });
    }

    @Test
    void exportsPluginStatesAndTheTaintFlag() throws Exception {
        gateway.plugins.add(new PluginView("com.example.cxl", "1.2.0", "ACTIVE", "", "", List.of("t.json"), 3));
        gateway.plugins.add(new PluginView("com.example.bad", "0.1.0", "REFUSED", "level-above-cap", "t.json: ...",
                List.of("t.json"), 0));
        gateway.tainted = true;

        Map<String, Metrics.MetricFamily> families = Scrape.families(endpoint.port());

        assertThat(families.get("fwgate_plugin_state").getMetricList()).extracting(Scrape::labels).containsExactlyInAnyOrder(
                Map.of("bundle", "com.example.cxl", "version", "1.2.0", "state", "ACTIVE", "reason", ""),
                Map.of("bundle", "com.example.bad", "version", "0.1.0", "state", "REFUSED", "reason", "level-above-cap"));
        assertThat(families.get("fwgate_tainted").getMetric(0).getGauge().getValue()).isEqualTo(1.0);
    }

    @Test
    void servesTheTextFormatToScrapersThatDoNotAskForProtobuf() throws Exception {
        calls.observed(success(MEM0, Map.of("device-temperature-celsius", 38L)));

        var response = Scrape.text(endpoint.port());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("# TYPE fwgate_device_temperature_celsius gauge\n")
                .contains("fwgate_device_temperature_celsius{device=\"cxl:mem0\",kind=\"cxl-memory-device\","
                        + "serial=\"A1B2\",vendor=\"0x8086\"} 38.0\n");
    }

    @Test
    void aDeviceThatIsGoneIsNoLongerExported() throws Exception {
        calls.observed(success(MEM0, Map.of("device-temperature-celsius", 38L)));
        calls.observed(success(MEM1, Map.of("device-temperature-celsius", 40L)));

        devices.retain(java.util.Set.of(MEM1.id()));

        assertThat(Scrape.families(endpoint.port()).get("fwgate_device_temperature_celsius").getMetricList())
                .extracting(m -> Scrape.labels(m).get("device")).containsExactly("cxl:mem1");
    }

    private static CallEvent success(DeviceInfo device, Map<String, Object> response) {
        return new CallEvent(device, "get-health-info", PLUGIN, Level.TELEMETRY, "allowed", "success", 2_500_000,
                response);
    }
}
