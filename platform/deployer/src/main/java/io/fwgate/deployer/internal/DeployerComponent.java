package io.fwgate.deployer.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fwgate.platform.DevMode;
import io.fwgate.platform.AuditSink;
import io.fwgate.platform.PluginSource;
import io.fwgate.platform.PluginView;

/**
 * The deployer: watches the deploy directory (and in dev mode the developer's directory) and the trust
 * configuration, installs what verifies, reports what does not as {@code REFUSED} plugins, and tells the
 * platform about dev mode. Configuration: the framework properties listed in {@link DeploySettings}.
 */
@Component(service = { PluginSource.class, DevMode.class }, immediate = true)
public final class DeployerComponent implements PluginSource, DevMode {
    /** How long deactivation waits for a scan in progress to finish. */
    private static final long STOP_MILLIS = 10_000;
    /** How long activation waits for bundles already in place to be installed. */
    private static final long FIRST_SCAN_MILLIS = 2_000;

    private final DeploySettings settings;
    private final Deployments deployments = new Deployments();
    private final Deployer deployer;
    private final WatchService watch;
    private final Thread thread;
    private final BundleContext context;

    /**
     * @param context the deployer bundle's context
     * @param audit the platform's audit log
     * @throws IOException if the deploy directory cannot be created or no watch service is available
     */
    @Activate
    public DeployerComponent(BundleContext context, @Reference AuditSink audit) throws IOException {
        this.context = context;
        settings = DeploySettings.from(context::getProperty);
        Files.createDirectories(settings.deployDir());
        deployer = new Deployer(settings, new FrameworkHost(context), audit, Clock.systemUTC(), deployments);
        List<Path> watched = new ArrayList<>(List.of(settings.deployDir(), settings.configDir(),
                settings.configDir().resolve(ConfigLoader.TRUST_DIR)));
        settings.devDir().ifPresent(watched::add);
        settings.curatedDir().ifPresent(watched::add);
        watch = FileSystems.getDefault().newWatchService();
        DeployWatcher watcher = new DeployWatcher(deployer, watched, settings.settleMillis(), watch);
        try {
            watcher.settleExisting(FIRST_SCAN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = new Thread(watcher, "fwgate-deployer");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        try {
            watch.close();
        } catch (IOException e) {
            thread.interrupt();
        }
        thread.join(STOP_MILLIS);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(STOP_MILLIS);
        }
        // a stopping framework takes every bundle down itself; the next start uninstalls leftovers first
        if (!thread.isAlive() && context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.ACTIVE) {
            deployer.stop();
        }
    }

    @Override
    public List<PluginView> plugins() {
        return deployments.refused();
    }

    @Override
    public boolean active() {
        return settings.devDir().isPresent();
    }

    /** By location, which the deployer sets at install: true from the moment the bundle can start. */
    @Override
    public boolean isDevBundle(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        return bundle != null && bundle.getLocation().startsWith(Deployer.DEV_LOCATION_PREFIX);
    }
}
