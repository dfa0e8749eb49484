package io.fwgate.telemetry.internal;

import java.io.IOException;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The Prometheus client's own HTTP exporter serving a registry at {@code /metrics}, in the text format or,
 * when the scraper asks for it, the protobuf format. Not thread-safe: started and closed by the component.
 */
final class PrometheusEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private PrometheusEndpoint(HTTPServer server) {
        this.server = server;
    }

    /**
     * @param config where to listen
     * @param registry what to serve
     * @return the running endpoint
     * @throws IOException if the address cannot be bound (in use, not local); the message names it
     */
    static PrometheusEndpoint start(TelemetryConfig.Prometheus config, PrometheusRegistry registry) throws IOException {
        try {
            return new PrometheusEndpoint(HTTPServer.builder().inetAddress(config.address()).port(config.port())
                    .registry(registry).buildAndStart());
        } catch (IOException e) {
            throw new IOException("cannot listen on " + config.address().getHostAddress() + " port " + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** @return the port it listens on */
    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
