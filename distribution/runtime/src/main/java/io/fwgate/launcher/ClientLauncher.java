package io.fwgate.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Runs the CLI as a daemon's client without starting the OSGi framework: the CLI's classes come from the
 * bundle jars the client needs (ordinary jars), on a plain class loader, and talk to the daemon over the
 * already connected channel. Which jars those are is named once, in the runtime pom, as this jar's
 * manifest header {@value #CLIENT_JARS}.
 */
final class ClientLauncher {
    /** Manifest header: the artifact ids of the bundles the client runs from, space separated. */
    static final String CLIENT_JARS = "Fwgate-Client-Jars";
    static final String ENTRY = "io.fwgate.cli.internal.ClientMain";

    private ClientLauncher() {
    }

    /**
     * @param bundles the assembly's bundle directory
     * @param manifest the launcher's manifest
     * @param daemon the connection to the daemon, handed to the client
     * @param args the command line
     * @return the CLI's exit code
     * @throws LaunchException if the client's jars or entry point are missing
     */
    @SuppressWarnings("unchecked")
    static int run(Path bundles, Manifest manifest, SocketChannel daemon, String[] args) throws LaunchException {
        URL[] classPath = classPath(bundles, manifest);
        // not closed: the CLI's classes stay in use until the process exits right after
        URLClassLoader loader = new URLClassLoader("fwgate-client", classPath, ClientLauncher.class.getClassLoader());
        Function<String[], Integer> cli;
        try {
            cli = (Function<String[], Integer>) loader.loadClass(ENTRY).getConstructor(SocketChannel.class)
                    .newInstance(daemon);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
            throw new LaunchException("cannot start the client CLI " + ENTRY + ": " + cause, cause);
        }
        return cli.apply(args);
    }

    static URL[] classPath(Path bundles, Manifest manifest) throws LaunchException {
        String names = manifest.getMainAttributes().getValue(CLIENT_JARS);
        if (names == null || names.isBlank()) {
            throw new LaunchException("the launcher's manifest has no " + CLIENT_JARS + " header", null);
        }
        List<String> wanted = Arrays.asList(names.trim().split("\\s+"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundles)) {
            jars = files.filter(jar -> wanted.contains(artifactId(jar.getFileName().toString()))).sorted().toList();
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + bundles + ": " + e.getMessage(), e);
        }
        List<String> found = jars.stream().map(jar -> artifactId(jar.getFileName().toString())).toList();
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new LaunchException("the client's jars " + missing + " are not in " + bundles, null);
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new LaunchException("cannot use " + jar + " on a class path: " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** @return the artifact id of a jar named {@code artifactId-version.jar}: up to the dash before a digit */
    static String artifactId(String jarName) {
        for (int i = 0; i + 1 < jarName.length(); i++) {
            if (jarName.charAt(i) == '-' && Character.isDigit(jarName.charAt(i + 1))) {
                return jarName.substring(0, i);
            }
        }
        return jarName;
    }

    /**
     * @param launcherJar the launcher's jar
     * @return its manifest
     * @throws LaunchException if it cannot be read
     */
    static Manifest manifest(Path launcherJar) throws LaunchException {
        try (JarFile jar = new JarFile(launcherJar.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest != null ? manifest : new Manifest();
        } catch (IOException e) {
            throw new LaunchException("cannot read the manifest of " + launcherJar + ": " + e.getMessage(), e);
        }
    }
}
