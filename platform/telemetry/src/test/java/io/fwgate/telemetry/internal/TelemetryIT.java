package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;

/**
 * The telemetry bundle in a real Felix with the platform's bundles and the emulator: it resolves with its
 * embedded Prometheus client, reads a plugin's metric markings, and a call through the core's gateway shows
 * up on the endpoint, which the Prometheus client's own parser reads.
 */
class TelemetryIT {
    private static final long SERVICE_TIMEOUT_MILLIS = 20_000;
    private static final String TABLE = """
            {"format": 1, "vendor": "Test", "match": {"kinds": ["cxl-memory-device"]}, "commands": [
             {"name": "get-health-info", "opcode": "0x4200", "description": "Get Health Info", "effects": [],
              "level": "telemetry", "response": {"max-size": 18, "fields": [
               {"name": "life-used-percent", "offset": 3, "type": "u8", "metric": "gauge"},
               {"name": "device-temperature-celsius", "offset": 4, "type": "s16", "metric": "gauge",
                "metric-name": "temperature_celsius"}]}}]}
            """;

    private Felix framework;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("fwgate.test.dir")));
        Path config = Files.createTempDirectory(work, "config");
        Path state = Files.createTempDirectory(work, "state");
        port = freePort();
        Files.writeString(config.resolve("telemetry.json"),
                "{ \"prometheus\": { \"enabled\": true, \"port\": " + port + " } }");
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory(work, "osgi").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put("felix.bootdelegation.implicit", "false");
        properties.put("fwgate.emulated", "true");
        properties.put("fwgate.telemetry", "true");
        properties.put("fwgate.config", config.toString());
        properties.put("fwgate.state", state.toString());
        framework = new Felix(properties);
        framework.init();
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : bundleJars(work)) {
            bundles.add(framework.getBundleContext().installBundle("reference:" + jar.toUri()));
        }
        framework.start();
        for (Bundle bundle : bundles) {
            bundle.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(SERVICE_TIMEOUT_MILLIS);
    }

    @Test
    void aCallThroughTheCoreShowsUpOnTheEndpoint() throws Exception {
        BundleContext context = framework.getBundleContext();
        await(context, "io.fwgate.platform.CallObserver");
        Object gateway = await(context, "io.fwgate.platform.Gateway");

        callAsRoot(gateway, "emu:mem0", "get-health-info");
        Map<String, Metrics.MetricFamily> families = Scrape.families(port);

        assertThat(families.get("fwgate_device_temperature_celsius").getMetricList()).singleElement().satisfies(m -> {
            assertThat(Scrape.labels(m)).containsEntry("device", "emu:mem0").containsEntry("kind", "cxl-memory-device");
            // the emulated device reports 38 degrees C and 3% life used
            assertThat(m.getGauge().getValue()).isEqualTo(38.0);
        });
        assertThat(families.get("fwgate_device_life_used_percent").getMetric(0).getGauge().getValue()).isEqualTo(3.0);
        assertThat(families.get("fwgate_gate_decisions_total").getMetricList()).anySatisfy(m -> assertThat(
                Scrape.labels(m)).containsEntry("decision", "allowed").containsEntry("outcome", "success"));
        assertThat(families.get("fwgate_plugin_state").getMetricList()).anySatisfy(m -> assertThat(Scrape.labels(m))
                .containsEntry("bundle", "test.metrics").containsEntry("state", "ACTIVE"));
        assertThat(families.get("fwgate_tainted").getMetric(0).getGauge().getValue()).isZero();
    }

    /** The gateway's types come from the core bundle's class loader, not this test's: call it by reflection. */
    private static void callAsRoot(Object gateway, String device, String command) throws Exception {
        ClassLoader core = gateway.getClass().getClassLoader();
        Class<?> callerType = core.loadClass("io.fwgate.platform.Caller");
        Class<?> requestType = core.loadClass("io.fwgate.platform.CallRequest");
        Class<?> deviceIdType = core.loadClass("io.fwgate.api.DeviceId");
        Object caller = callerType.getConstructor(long.class, long.class, long[].class).newInstance(0L, 0L, new long[0]);
        Object id = deviceIdType.getMethod("parse", String.class).invoke(null, device);
        Constructor<?> request = requestType.getConstructor(deviceIdType, String.class, Map.class, boolean.class);
        gateway.getClass().getMethod("call", callerType, requestType).invoke(gateway, caller,
                request.newInstance(id, command, Map.of(), false));
    }

    private static Object await(BundleContext context, String type) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, type, null);
        tracker.open(true);
        Object service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
        assertThat(service).as("the %s service within %d ms; bundles: %s", type, SERVICE_TIMEOUT_MILLIS,
                states(context)).isNotNull();
        return service;
    }

    private static String states(BundleContext context) {
        StringBuilder out = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            out.append(bundle.getSymbolicName()).append('=').append(bundle.getState()).append(' ');
        }
        return out.toString();
    }

    private static List<Path> bundleJars(Path work) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("fwgate.it.bundles")))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(Path.of(System.getProperty("fwgate.telemetry.bundle")));
        jars.add(testPlugin(work));
        return jars;
    }

    /** A plugin bundle that is only a table marking two Get Health Info fields as metrics. */
    private static Path testPlugin(Path work) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.metrics");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Fwgate-Command-Tables", "OSGI-INF/fwgate/health.json");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=io.fwgate.commands)"
                + "(version>=1.0.0)(!(version>=2.0.0)))\"");
        Path jar = Files.createTempFile(work, "test-metrics", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/fwgate/health.json"));
            out.write(TABLE.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
