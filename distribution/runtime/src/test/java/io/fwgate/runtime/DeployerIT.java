package io.fwgate.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.util.tracker.ServiceTracker;

import io.fwgate.api.DeviceId;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginView;

/**
 * Signed drop-in plugins in the real Felix: a jar signed at test time (key and certificate made by the
 * JDK's keytool, trusted through a test trust store) dropped into the deploy directory becomes callable
 * on emu:mem0, is updated in place while calls race it, and disappears when removed; an unsigned one is
 * listed as refused. Prints drop-to-callable times; asserts none of them (timing is the benchmark's job).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployerIT {
    private static final long TIMEOUT_MILLIS = 20_000;
    private static final int SAMPLES = 5;
    private static final DeviceId MEM0 = DeviceId.parse("emu:mem0");
    private static final Caller ROOT = new Caller(0, 0, new long[0]);
    private static final String V1_COMMAND = "acme-read-counters";
    private static final String V2_COMMAND = "acme-read-counters-v2";
    /** Framework properties through which the driver hands the jars it made to the test in the framework. */
    private static final String V1 = "fwgate.it.v1";
    private static final String V2 = "fwgate.it.v2";
    private static final String UNSIGNED = "fwgate.it.unsigned";
    /** The deployer's service, by name: the runtime's test class path does not hold the deployer. */
    private static final String DEV_MODE = "io.fwgate.platform.DevMode";

    @Inject
    private BundleContext context;

    private final BlockingQueue<BundleEvent> events = new LinkedBlockingQueue<>();
    private final BundleListener listener = events::add;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private Gateway gateway;
    private Path deploy;

    /** Runs in the test driver, outside the framework: makes the keys, the trust store and the jars. */
    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fwgate-deployer-it");
        Path config = Files.createDirectories(work.resolve("config"));
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(frameworkProperty("fwgate.emulated").value("true"));
        options.add(frameworkProperty("fwgate.state").value(Files.createDirectories(work.resolve("state")).toString()));
        options.add(frameworkProperty("fwgate.config").value(config.toString()));
        options.add(frameworkProperty("fwgate.deploy").value(Files.createDirectories(work.resolve("deploy")).toString()));
        Driver.prepare(work, config).forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        Path bundles = Path.of(System.getProperty("fwgate.dir"), "bundles");
        try (Stream<Path> jars = Files.list(bundles)) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted()
                    .forEach(jar -> options.add(bundle("reference:" + jar.toUri())));
        }
        return options.toArray(Option[]::new);
    }

    @Before
    public void awaitPlatform() throws InterruptedException {
        context.addBundleListener(listener);
        gateway = service(Gateway.class);
        service(DEV_MODE);
        deploy = Path.of(context.getProperty("fwgate.deploy"));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        return type.cast(service(type.getName()));
    }

    private Object service(String type) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        Object service = tracker.waitForService(TIMEOUT_MILLIS);
        assertNotNull("no " + type + " service within " + TIMEOUT_MILLIS + " ms", service);
        return service;
    }

    @After
    public void closeTrackers() {
        context.removeBundleListener(listener);
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    public void aDroppedSignedPluginBecomesCallableIsUpdatedUnderLoadAndIsRemoved() throws Exception {
        Path v1 = Path.of(context.getProperty(V1));
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            Path dropped = deploy.resolve("acme-" + i + ".jar");
            long start = System.nanoTime();
            Files.copy(v1, dropped);
            await(V1_COMMAND + " callable", () -> commands().contains(V1_COMMAND));
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            Files.delete(dropped);
            await(V1_COMMAND + " gone", () -> !commands().contains(V1_COMMAND));
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        List<Object> measured = gateway.audit().records(0).stream().filter(r -> "plugin-installed".equals(r.get("event")))
                .map(r -> r.get("latency-ms")).toList();
        System.out.println("deployer: drop -> callable ms " + latencies + ", median " + sorted.get(SAMPLES / 2)
                + "; the deployer's own first-seen -> started ms " + measured);

        Path plugin = deploy.resolve("acme.jar");
        Files.copy(v1, plugin);
        await("v1 callable", () -> commands().contains(V1_COMMAND));
        assertTrue(gateway.plugins().stream().anyMatch(p -> p.bundle().equals("com.acme.fwgate.it")
                && p.state().equals("ACTIVE") && p.commands() == 1));

        updateWhileCalling(plugin);

        Files.delete(plugin);
        await("v2 removed", () -> !commands().contains(V2_COMMAND));
        assertTrue(gateway.audit().records(0).stream().anyMatch(r -> "plugin-uninstalled".equals(r.get("event"))
                && "file-removed".equals(r.get("reason"))));
    }

    /** Every racing call ends in an answer or a clear bad-request error: no hang, no other exception. */
    private void updateWhileCalling(Path plugin) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> racing = caller.submit(() -> {
                while (!stop.get()) {
                    try {
                        gateway.call(ROOT, new CallRequest(MEM0, V1_COMMAND, Map.of(), false));
                        answered.incrementAndGet();
                    } catch (CallException e) {
                        // the clear error the issue asks for: the call is told the plugin changed
                        if (e.kind() == CallException.Kind.DELIVERY_FAILED && e.getMessage().startsWith("plugin changed")
                                && e.getMessage().contains(V1_COMMAND)) {
                            changed.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            });
            await("calls running on v1", () -> answered.get() > 0);
            long start = System.nanoTime();
            Files.copy(Path.of(context.getProperty(V2)), plugin, StandardCopyOption.REPLACE_EXISTING);
            await("v2 callable and v1 gone", () -> commands().contains(V2_COMMAND) && !commands().contains(V1_COMMAND));
            long updateMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // the deployer audits the update after the new version started: wait for the record, bounded
            await("updated in place, not reinstalled", () -> gateway.audit().records(0).stream().anyMatch(r ->
                    "plugin-updated".equals(r.get("event")) && "2.0.0".equals(r.get("version"))));
            stop.set(true);
            racing.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            System.out.println("deployer: update -> callable " + updateMillis + " ms; racing calls answered "
                    + answered.get() + ", told 'plugin changed' " + changed.get());
        } finally {
            stop.set(true);
            caller.shutdownNow();
        }
        assertTrue("racing calls failed unexpectedly (" + unexpected.size() + "), first: "
                + unexpected.stream().limit(3).toList(), unexpected.isEmpty());
    }

    @Test
    public void anUnsignedDropIsListedAsRefusedAndAudited() throws Exception {
        Path dropped = deploy.resolve("unsigned.jar");
        Files.copy(Path.of(context.getProperty(UNSIGNED)), dropped);

        PluginView view = awaitValue("the unsigned plugin refused", () -> gateway.plugins().stream()
                .filter(p -> p.detail().startsWith("unsigned.jar")).findFirst().orElse(null));

        assertEquals("REFUSED", view.state());
        assertEquals("unsigned", view.reason());
        assertEquals("com.acme.fwgate.unsigned", view.bundle());
        assertFalse(commands().contains("acme-unsigned"));
        assertTrue(gateway.audit().records(0).stream().anyMatch(r -> "plugin-refused".equals(r.get("event"))
                && "unsigned".equals(r.get("reason"))));
        Files.delete(dropped);
        await("the refusal cleared", () -> gateway.plugins().stream().noneMatch(p -> p.detail().startsWith("unsigned.jar")));
    }

    private List<String> commands() throws CallException {
        return gateway.commands(MEM0).stream().map(CommandView::name).toList();
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        awaitValue(what, () -> condition.call() ? Boolean.TRUE : null);
    }

    /**
     * Waits, bounded, for a value: re-checks on every bundle event, and every 20 ms for what no bundle
     * event announces (a refusal).
     */
    private <T> T awaitValue(String what, Callable<T> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        for (T value = condition.call(); ; value = condition.call()) {
            if (value != null) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("not within " + TIMEOUT_MILLIS + " ms: " + what);
            }
            events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
        }
    }

    /** Driver side only: never loaded inside the framework, where jdk.security.jarsigner is not exported. */
    static final class Driver {
        private Driver() {
        }

        static Map<String, String> prepare(Path work, Path config) throws Exception {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
            Path store = work.resolve("signer.p12");
            keytool("-genkeypair", "-alias", "acme", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=Acme IT signer, O=fwgate tests", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(password), "-keypass", new String(password));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            PrivateKey key = (PrivateKey) keys.getKey("acme", password);
            List<Certificate> chain = List.of(keys.getCertificateChain("acme"));
            Files.writeString(Files.createDirectories(config.resolve("trust")).resolve("acme-it.pem"),
                    "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(chain.get(0).getEncoded()) + "\n-----END CERTIFICATE-----\n");
            Files.writeString(config.resolve("trust.json"), "# the IT's signer, made by keytool at test time\n"
                    + "{\"signers\": [{\"name\": \"acme-it\", \"certificate\": \"trust/acme-it.pem\","
                    + " \"max-level\": \"telemetry\", \"bundles\": [\"com.acme.fwgate.*\"]}]}\n");
            Path v1 = plugin(work, "com.acme.fwgate.it", "1.0.0", V1_COMMAND, "0xd000");
            Path v2 = plugin(work, "com.acme.fwgate.it", "2.0.0", V2_COMMAND, "0xd001");
            Path unsigned = plugin(work, "com.acme.fwgate.unsigned", "1.0.0", "acme-unsigned", "0xd002");
            return Map.of(V1, sign(v1, key, chain).toString(), V2, sign(v2, key, chain).toString(),
                    UNSIGNED, unsigned.toString());
        }

        private static void keytool(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        }

        private static Path plugin(Path work, String name, String version, String command, String opcode)
                throws IOException {
            String manifest = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + name
                    + "\r\nBundle-Version: " + version + "\r\nFwgate-Command-Tables: OSGI-INF/fwgate/acme.json\r\n"
                    + "Require-Capability: osgi.extender;filter:=\"(&(osgi.extender=io.fwgate.commands)"
                    + "(version>=1.0.0)(!(version>=2.0.0)))\"\r\n\r\n";
            String table = "{\"format\": 1, \"vendor\": \"Acme\", \"match\": {\"kinds\": [\"cxl-memory-device\"]},"
                    + " \"commands\": [{\"name\": \"" + command + "\", \"opcode\": \"" + opcode + "\","
                    + " \"description\": \"vendor counters\", \"effects\": [], \"level\": \"telemetry\","
                    + " \"request\": {\"size\": 0}, \"response\": {\"max-size\": 0, \"fields\": []}}]}";
            Path jar = work.resolve(name + "-" + version + ".jar");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                out.write(manifest.getBytes(StandardCharsets.UTF_8));
                out.putNextEntry(new ZipEntry("OSGI-INF/fwgate/acme.json"));
                out.write(table.getBytes(StandardCharsets.UTF_8));
            }
            return jar;
        }

        private static Path sign(Path jar, PrivateKey key, List<Certificate> chain) throws Exception {
            Path signed = Path.of(jar.toString().replace(".jar", "-signed.jar"));
            try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                new jdk.security.jarsigner.JarSigner.Builder(key,
                        CertificateFactory.getInstance("X.509").generateCertPath(chain)).digestAlgorithm("SHA-256")
                        .build().sign(in, out);
            }
            return signed;
        }
    }
}
