package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The real framework. Installs from the staged copy's stream, so the framework caches exactly the bytes
 * that were verified. After an update or uninstall it refreshes only bundles whose old revisions are
 * still in use (Felix disposes unused ones at once); a forced refresh would stop and start the plugin a
 * second time.
 */
final class FrameworkHost implements BundleHost {
    private final BundleContext context;

    FrameworkHost(BundleContext context) {
        this.context = context;
    }

    @Override
    public long install(String location, Path staged) throws HostException {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(staged)) {
            bundle = context.installBundle(location, in);
        } catch (BundleException | IOException | IllegalStateException e) {
            throw new HostException("the framework did not install it: " + e.getMessage(), e);
        }
        try {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
            return bundle.getBundleId();
        } catch (BundleException | IllegalStateException e) {
            uninstallQuietly(bundle);
            throw new HostException("the framework did not start it: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(long bundleId, Path staged) throws HostException {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null) {
            throw new HostException("bundle " + bundleId + " is no longer installed", null);
        }
        try (InputStream in = Files.newInputStream(staged)) {
            bundle.update(in);
        } catch (BundleException | IOException | IllegalStateException e) {
            throw new HostException("the framework did not update it: " + e.getMessage(), e);
        }
        refreshPending();
    }

    @Override
    public void uninstall(long bundleId) throws HostException {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null) {
            return;
        }
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            throw new HostException("the framework did not uninstall it: " + e.getMessage(), e);
        }
        refreshPending();
    }

    @Override
    public Map<String, Long> installed(String locationPrefix) {
        Map<String, Long> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(locationPrefix)) {
                installed.put(bundle.getLocation(), bundle.getBundleId());
            }
        }
        return installed;
    }

    private void refreshPending() {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (!wiring.getRemovalPendingBundles().isEmpty()) {
            wiring.refreshBundles(null);
        }
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // it never started: its tables were never admitted, and the refusal already names the cause
        }
    }
}
