package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;

import io.fwgate.platform.AuditSink;
import io.fwgate.platform.CallEvent;
import io.fwgate.platform.CallObserver;
import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Fleet telemetry for a daemon: runs only when the framework property {@value #ENABLED_PROPERTY} is
 * {@code true} (set for {@code fwgate daemon}; one-shot commands must not bind the metrics port), and then
 * does what {@code <config>/telemetry.json} turns on: the Prometheus endpoint, polling, syslog forwarding.
 * An invalid file turns telemetry off, with one line on standard error naming the problem.
 */
@Component(service = CallObserver.class, immediate = true)
public final class TelemetryComponent implements CallObserver {
    static final String ENABLED_PROPERTY = "fwgate.telemetry";
    private static final Duration FORWARD_INTERVAL = Duration.ofSeconds(1);

    private final Optional<Running> running;

    /** What runs while the component is active. */
    private record Running(CallMetrics calls, Optional<PrometheusEndpoint> endpoint, Optional<Runnable> stopLooking,
            Optional<Poller> poller, Optional<SyslogForwarding> syslog, BundleTracker<String> tables,
            ScheduledExecutorService pollThreads, ScheduledExecutorService syslogThread) {
    }

    @Activate
    public TelemetryComponent(BundleContext context, @Reference Gateway gateway, @Reference AuditSink audit) {
        running = Boolean.parseBoolean(context.getProperty(ENABLED_PROPERTY)) ? start(context, gateway, audit)
                : Optional.empty();
    }

    private static Optional<Running> start(BundleContext context, Gateway gateway, AuditSink audit) {
        Path configDir = directory(context, "fwgate.config", "/etc/fwgate");
        Path stateDir = directory(context, "fwgate.state", "/var/lib/fwgate");
        TelemetryConfig config;
        Caller self;
        try {
            config = ConfigReader.read(configDir);
            self = ProcessIdentity.ofThisProcess();
        } catch (InvalidConfigException | IOException e) {
            System.err.println("fwgate telemetry: off: " + e.getMessage());
            return Optional.empty();
        }
        MetricCatalog catalog = new MetricCatalog();
        DeviceMetrics devices = new DeviceMetrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(devices);
        registry.register(new PlatformMetrics(gateway, self));
        CallMetrics calls = new CallMetrics(registry, catalog, devices);
        BundleTracker<String> tables = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE,
                new TableTracker(catalog));
        tables.open();
        Optional<PrometheusEndpoint> endpoint = config.prometheus().flatMap(p -> endpoint(p, registry));
        ScheduledExecutorService pollThreads = Executors.newScheduledThreadPool(2, threads("fwgate-telemetry-poll"));
        Optional<Poller> poller = config.poll().map(p -> new Poller(gateway, self, p,
                new ExecutorScheduler(pollThreads), problem -> report(audit, problem), devices::retain));
        Optional<Runnable> stopLooking = poller.map(Poller::start);
        ScheduledExecutorService syslogThread = Executors.newSingleThreadScheduledExecutor(threads("fwgate-syslog"));
        Optional<SyslogForwarding> syslog = config.syslog().map(s -> forwarding(s, stateDir, syslogThread));
        syslog.ifPresent(s -> new ExecutorScheduler(syslogThread).repeat(FORWARD_INTERVAL, s::run));
        return Optional.of(new Running(calls, endpoint, stopLooking, poller, syslog, tables, pollThreads, syslogThread));
    }

    private static Optional<PrometheusEndpoint> endpoint(TelemetryConfig.Prometheus config, PrometheusRegistry registry) {
        try {
            PrometheusEndpoint endpoint = PrometheusEndpoint.start(config, registry);
            System.out.println("fwgate telemetry: Prometheus metrics on " + config.address().getHostAddress() + " port "
                    + endpoint.port());
            return Optional.of(endpoint);
        } catch (IOException e) {
            System.err.println("fwgate telemetry: no Prometheus endpoint: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static SyslogForwarding forwarding(TelemetryConfig.Syslog config, Path stateDir,
            ScheduledExecutorService thread) {
        Rfc5424.Header header = new Rfc5424.Header(config.facility(), hostname(), config.appName(),
                Long.toString(ProcessHandle.current().pid()), config.sdId());
        SyslogSender sender = SyslogSender.to(config);
        return new SyslogForwarding(new AuditForwarder(stateDir, header, sender), sender, thread);
    }

    /** The poller's refusals go to the audit log (and so to syslog) and to standard error. */
    private static void report(AuditSink audit, Poller.PollProblem problem) {
        System.err.println("fwgate telemetry: not polling: " + problem.detail());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("device", problem.device().toString());
        fields.put("command", problem.command());
        fields.put("reason", problem.reason());
        fields.put("detail", problem.detail());
        try {
            audit.append("telemetry-poll-refused", fields);
        } catch (IOException e) {
            System.err.println("fwgate telemetry: cannot audit that: " + e.getMessage());
        }
    }

    @Override
    public void observed(CallEvent event) {
        running.ifPresent(r -> {
            r.calls().observed(event);
            r.syslog().ifPresent(SyslogForwarding::nudge);
        });
    }

    @Deactivate
    void deactivate() {
        running.ifPresent(r -> {
            r.stopLooking().ifPresent(Runnable::run);
            r.poller().ifPresent(Poller::stop);
            r.pollThreads().shutdownNow();
            r.syslogThread().shutdownNow();
            r.syslog().ifPresent(SyslogForwarding::close);
            r.endpoint().ifPresent(PrometheusEndpoint::close);
            r.tables().close();
        });
    }

    private static Path directory(BundleContext context, String property, String fallback) {
        String value = context.getProperty(property);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath();
    }

    /** The kernel's host name, without a DNS look-up. */
    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "-";
        }
    }

    private static ThreadFactory threads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
