package io.fwgate.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts fwgate in one of three ways. When a daemon answers on the socket (and nothing asks for an
 * in-process platform), the CLI runs as its client on a plain class path, without the OSGi framework.
 * Otherwise it boots an OSGi framework over the {@code bundles/} directory beside this jar, hands the
 * whole command line to the CLI bundle's service, stops the framework and exits with the CLI's exit code;
 * for {@code fwgate daemon} that call returns only when the daemon has stopped on SIGTERM, and the exit
 * code is reported after the framework has stopped too. The framework's storage is a fresh temporary
 * directory, deleted at the end: every run starts from the bundles as shipped.
 */
public final class Main {
    /** Components activate in milliseconds; this long means something failed, and the user is told. */
    private static final long START_TIMEOUT_MILLIS = 20_000;
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** The daemon bounds its own stop; this only keeps a wedged framework from holding the process forever. */
    private static final long SHUTDOWN_LIMIT_MINUTES = 5;
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
        try {
            if (!options.inProcess()) {
                Optional<SocketChannel> daemon = DaemonProbe.connect(options.daemonSocket(), System.err);
                if (daemon.isPresent()) {
                    Path jar = launcherJar();
                    return ClientLauncher.run(jar.resolveSibling("bundles"), ClientLauncher.manifest(jar),
                            daemon.get(), args);
                }
            }
            return options.daemon() ? runDaemon(args, options) : inProcess(args, options);
        } catch (LaunchException e) {
            System.err.println("fwgate: " + e.getMessage());
            return FAILURE;
        }
    }

    /**
     * Runs the daemon, and makes its exit code the process's even when SIGTERM started the JVM's shutdown:
     * the daemon's own shutdown hook stops it, this one waits for the framework to stop after it and then
     * ends the process with the code (a JVM ending on a signal would otherwise report 143).
     */
    private static int runDaemon(String[] args, LaunchOptions options) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(FAILURE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!finished.await(SHUTDOWN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                    System.err.println("fwgate: the daemon did not stop within " + SHUTDOWN_LIMIT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exit.get());
        }, "fwgate-exit"));
        try {
            exit.set(inProcess(args, options));
            return exit.get();
        } finally {
            finished.countDown();
        }
    }

    private static int inProcess(String[] args, LaunchOptions options) {
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
            framework.start(launcherJar().resolveSibling("bundles"));
            Function<String[], Integer> cli = framework.awaitCli(START_TIMEOUT_MILLIS);
            return cli.apply(args);
        } finally {
            framework.stop(STOP_TIMEOUT_MILLIS);
        }
    }

    /** @return this launcher's jar; the assembly's directories are beside it */
    private static Path launcherJar() throws LaunchException {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new LaunchException("cannot locate the launcher's own jar: " + e.getMessage(), e);
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
