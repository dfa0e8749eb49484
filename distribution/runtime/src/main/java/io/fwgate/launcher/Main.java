package io.fwgate.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts fwgate: boots an OSGi framework over the {@code bundles/} directory beside this jar, hands the
 * whole command line to the CLI bundle's service, stops the framework and exits with the CLI's exit
 * code. The framework's storage is a fresh temporary directory, deleted at the end: every run starts
 * from the bundles as shipped.
 */
public final class Main {
    /** Components activate in milliseconds; this long means something failed, and the user is told. */
    private static final long START_TIMEOUT_MILLIS = 20_000;
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private static final int FAILURE = 1;

    private Main() {
    }

    /**
     * @param args the fwgate command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        LaunchOptions options = LaunchOptions.scan(args, System.getenv());
        Path storage;
        try {
            storage = Files.createTempDirectory("fwgate-osgi-");
        } catch (IOException e) {
            System.err.println("fwgate: cannot create the OSGi framework's temporary storage: " + e.getMessage());
            return FAILURE;
        }
        try {
            return run(args, options, storage);
        } catch (LaunchException e) {
            System.err.println("fwgate: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("fwgate: interrupted while starting or stopping");
            return FAILURE;
        } catch (RuntimeException e) {
            // the CLI reports its own failures; this is the framework or a bundle misbehaving
            System.err.println("fwgate: internal error: " + e);
            return FAILURE;
        } finally {
            deleteTree(storage);
        }
    }

    private static int run(String[] args, LaunchOptions options, Path storage)
            throws LaunchException, InterruptedException {
        EmbeddedFramework framework = new EmbeddedFramework(storage, options.frameworkProperties());
        try {
            framework.start(home().resolve("bundles"));
            Function<String[], Integer> cli = framework.awaitCli(START_TIMEOUT_MILLIS);
            return cli.apply(args);
        } finally {
            framework.stop(STOP_TIMEOUT_MILLIS);
        }
    }

    /** @return the directory holding this launcher's jar */
    private static Path home() throws LaunchException {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException | SecurityException e) {
            throw new LaunchException("cannot locate the launcher's own directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("fwgate: could not remove temporary storage " + root + ": " + e.getMessage());
        }
    }
}
