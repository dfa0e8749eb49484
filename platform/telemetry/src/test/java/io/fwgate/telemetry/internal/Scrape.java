package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;

/**
 * Scrapes an endpoint the way a Prometheus server asking for the protobuf format does, and parses the answer
 * with the Prometheus client's own parser (the generated {@code MetricFamily} messages of its exposition
 * formats). Used by the unit test and the integration test in Felix alike.
 */
final class Scrape {
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited";

    private Scrape() {
    }

    /**
     * @param port the endpoint's port on loopback
     * @return the metric families by name
     */
    static Map<String, Metrics.MetricFamily> families(int port) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request(port).header("Accept", PROTOBUF)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Metrics.MetricFamily> families = new LinkedHashMap<>();
        try (InputStream in = response.body()) {
            for (Metrics.MetricFamily family = Metrics.MetricFamily.parseDelimitedFrom(in); family != null;
                    family = Metrics.MetricFamily.parseDelimitedFrom(in)) {
                families.put(family.getName(), family);
            }
        }
        return families;
    }

    /** @return the text format, as a scraper that does not ask for protobuf gets it */
    static HttpResponse<String> text(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request(port).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return a metric's labels, sorted by name */
    static Map<String, String> labels(Metrics.Metric metric) {
        Map<String, String> labels = new TreeMap<>();
        metric.getLabelList().forEach(label -> labels.put(label.getName(), label.getValue()));
        return labels;
    }

    private static HttpRequest.Builder request(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
    }
}
