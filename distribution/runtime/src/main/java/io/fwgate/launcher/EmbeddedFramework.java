package io.fwgate.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One Felix framework running the bundles of a directory, each installed in place by a
 * {@code reference:file:} URL, with its storage in a directory the caller owns. Felix by name, not through
 * the FrameworkFactory service loader: the launcher relies on Felix's properties (implicit boot
 * delegation, logger) anyway. Not thread-safe.
 */
final class EmbeddedFramework {
    /** The CLI registers itself as a {@code Function<String[], Integer>} with this property. */
    static final String CLI_FILTER = "(&(objectClass=java.util.function.Function)(fwgate.main=cli))";
    private static final String GATEWAY = "io.fwgate.platform.Gateway";

    private final Framework framework;

    /**
     * @param storage an empty directory for the framework's cache
     * @param properties further framework properties
     */
    EmbeddedFramework(Path storage, Map<String, String> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // only what the framework exports may reach bundles: nothing from the launcher's class path
        config.put("felix.bootdelegation.implicit", "false");
        config.put("felix.log.logger", new FrameworkLog());
        this.framework = new Felix(config);
    }

    /**
     * Starts the framework, installs every jar of {@code bundles} and starts all that are not fragments.
     *
     * @param bundles the directory of bundle jars
     * @throws LaunchException if the directory holds no bundles or a bundle cannot be installed or started
     */
    void start(Path bundles) throws LaunchException {
        List<Path> jars = jars(bundles);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : jars) {
                installed.add(install(context, jar));
            }
            framework.start();
            startAll(installed);
        } catch (BundleException e) {
            throw new LaunchException("cannot start the OSGi framework: " + oneLine(e), e);
        }
    }

    private static List<Path> jars(Path bundles) throws LaunchException {
        try (Stream<Path> files = Files.list(bundles)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new LaunchException("no bundles in " + bundles + ": the runtime is not assembled", null);
            }
            return jars;
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + bundles + ": " + e.getMessage(), e);
        }
    }

    private static Bundle install(BundleContext context, Path jar) throws LaunchException {
        try {
            return context.installBundle("reference:" + jar.toUri());
        } catch (BundleException e) {
            throw new LaunchException("cannot install " + jar.getFileName() + ": " + oneLine(e), e);
        }
    }

    /** Starts every bundle before reporting, so the message can name all that failed. */
    private static void startAll(List<Bundle> bundles) throws LaunchException {
        List<String> failed = new ArrayList<>();
        BundleException first = null;
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                failed.add(bundle.getSymbolicName());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new LaunchException("bundle " + failed.get(0) + " did not start: " + oneLine(first)
                    + (failed.size() > 1 ? " (also failed: " + String.join(", ", failed.subList(1, failed.size()))
                            + ")" : ""), first);
        }
    }

    /**
     * @param timeoutMillis how long to wait for the CLI service
     * @return the CLI
     * @throws LaunchException if it did not appear in time
     * @throws InterruptedException if interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    Function<String[], Integer> awaitCli(long timeoutMillis) throws LaunchException, InterruptedException {
        BundleContext context = framework.getBundleContext();
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(CLI_FILTER), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + CLI_FILTER, e);
        }
        tracker.open();
        Object cli = tracker.waitForService(timeoutMillis);
        if (cli == null) {
            boolean gateway = context.getServiceReference(GATEWAY) != null;
            throw new LaunchException("the command line did not start within " + timeoutMillis + " ms ("
                    + (gateway ? "the CLI component is not active" : "no " + GATEWAY
                            + " service: the platform core did not start")
                    + ")", null);
        }
        return (Function<String[], Integer>) cli;
    }

    /**
     * Stops the framework and waits for it to finish stopping.
     *
     * @param timeoutMillis how long to wait
     * @throws InterruptedException if interrupted while waiting
     */
    void stop(long timeoutMillis) throws InterruptedException {
        try {
            framework.stop();
            framework.waitForStop(timeoutMillis);
        } catch (BundleException e) {
            // the process exits next: a framework that fails to stop cleanly loses nothing it had not saved
            System.err.println("fwgate: the OSGi framework did not stop cleanly: " + oneLine(e));
        }
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
    }
}
