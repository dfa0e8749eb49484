package io.fwgate.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Bundles and bundle contexts that answer only what the emulator asks, as dynamic proxies. */
final class Fakes {
    private Fakes() {
    }

    /**
     * An active bundle whose entries are the files under {@code root}.
     *
     * @param id the bundle id
     * @param symbolicName its symbolic name
     * @param headers its manifest headers
     * @param root where its entries are
     */
    static Bundle bundle(long id, String symbolicName, Map<String, String> headers, Path root) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHeaders":
                            return new Hashtable<>(headers);
                        case "getEntry":
                            return entry(root.resolve((String) args[0]));
                        case "getSymbolicName":
                            return symbolicName;
                        case "getBundleId":
                            return id;
                        case "getState":
                            return Bundle.ACTIVE;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return symbolicName;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static URL entry(Path file) {
        try {
            return Files.isRegularFile(file) ? file.toUri().toURL() : null;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A context with the given framework properties whose installed bundles are {@code bundles}. */
    static BundleContext context(Map<String, String> properties, List<Bundle> bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperty":
                            return properties.get((String) args[0]);
                        case "getBundles":
                            return bundles.toArray(new Bundle[0]);
                        case "addBundleListener":
                        case "removeBundleListener":
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** Writes {@code content} to {@code root/resource}, creating directories. */
    static void write(Path root, String resource, byte[] content) {
        try {
            Path file = root.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
