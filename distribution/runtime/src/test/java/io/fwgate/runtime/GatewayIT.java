package io.fwgate.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.osgi.util.tracker.ServiceTracker;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.spi.Transport;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.RefusedException;

/**
 * The assembled bundle set in the real Felix: a call goes through registry, gate, emulator, decoder and
 * audit log. The bundles are those of target/fwgate/bundles, the directory the launcher runs. Plain JUnit 4
 * assertions: they are what the framework has (AssertJ is not provisioned as a bundle).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GatewayIT {
    private static final long SERVICE_TIMEOUT_MILLIS = 20_000;
    private static final DeviceId MEM0 = DeviceId.parse("emu:mem0");
    private static final Caller ROOT = new Caller(0, 0, new long[0]);
    private static final Caller TELEMETRY_ONLY = new Caller(1000, 1000, new long[0]);

    @Inject
    private BundleContext context;

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private Gateway gateway;

    /** Runs in the test driver, outside the framework: the build names the assembly by a system property. */
    @Configuration
    public Option[] configuration() throws IOException {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(frameworkProperty("fwgate.emulated").value("true"));
        // fresh directories under target/, so each run starts with an empty audit log and default policy
        Path work = Files.createDirectories(Path.of(System.getProperty("fwgate.test.dir")));
        options.add(frameworkProperty("fwgate.state").value(Files.createTempDirectory(work, "state").toString()));
        options.add(frameworkProperty("fwgate.config").value(Files.createTempDirectory(work, "config").toString()));
        Path bundles = Path.of(System.getProperty("fwgate.dir"), "bundles");
        try (Stream<Path> jars = Files.list(bundles)) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted()
                    .forEach(jar -> options.add(bundle("reference:" + jar.toUri())));
        }
        return options.toArray(Option[]::new);
    }

    @Before
    public void awaitPlatform() throws InterruptedException {
        gateway = await(Gateway.class);
        await(Transport.class);
    }

    private <T> T await(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
        assertNotNull("no " + type.getName() + " service within " + SERVICE_TIMEOUT_MILLIS + " ms", service);
        return service;
    }

    @After
    public void closeTrackers() {
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    public void identifyIsDecodedAndAudited() throws Exception {
        long before = gateway.audit().verify().records();

        CallResult result = gateway.call(ROOT, new CallRequest(MEM0, "identify", Map.of(), false));

        assertTrue(result.toString(), result.ok());
        assertEquals(0x4000, result.opcode());
        assertEquals(Level.TELEMETRY, result.level());
        // the emulator has 512 MiB volatile and 512 MiB persistent capacity, reported in 256 MiB units
        assertEquals(BigInteger.valueOf(1L << 30), number(result.response().get("total-capacity-bytes")));
        assertEquals("fwgate-emu 1.0", result.response().get("firmware-revision"));
        assertAudited(before, result);
    }

    @Test
    public void healthInfoIsDecodedAndAudited() throws Exception {
        long before = gateway.audit().verify().records();

        CallResult result = gateway.call(ROOT, new CallRequest(MEM0, "get-health-info", Map.of(), false));

        assertTrue(result.toString(), result.ok());
        assertEquals(0x4200, result.opcode());
        // the emulator's health: 3% of life used (byte 3), 38 degrees C (bytes 4-5), CXL 3.0 Table 8-100
        assertEquals(BigInteger.valueOf(3), number(result.response().get("life-used-percent")));
        assertEquals(BigInteger.valueOf(38), number(result.response().get("device-temperature-celsius")));
        assertAudited(before, result);
    }

    private void assertAudited(long before, CallResult result) throws IOException {
        AuditVerification verdict = gateway.audit().verify();
        assertTrue(verdict.problem(), verdict.intact());
        assertEquals("a decision and a result record", before + 2, verdict.records());
        assertEquals(verdict.records(), result.auditSequence());
        Map<String, Object> last = gateway.audit().records(1).get(0);
        assertEquals("emu:mem0", last.get("device"));
        assertEquals(result.command(), last.get("command"));
        assertEquals("success", last.get("result"));
    }

    @Test
    public void aTelemetryOnlyCallerIsRefusedSanitize() throws IOException {
        long before = gateway.audit().verify().records();

        RefusedException refused = assertThrows(RefusedException.class,
                () -> gateway.call(TELEMETRY_ONLY, new CallRequest(MEM0, "sanitize", Map.of(), true)));

        assertEquals(CallException.Kind.REFUSED, refused.kind());
        assertEquals(Level.TELEMETRY, refused.grantedLevel());
        assertEquals(Level.DEBUG_WRITE_FULL, refused.neededLevel());
        assertEquals("refused", gateway.audit().records(1).get(0).get("decision"));
        assertEquals("the refusal is audited", before + 1, gateway.audit().verify().records());
    }

    @Test
    public void anUnknownCommandIsABadRequest() {
        CallException bad = assertThrows(CallException.class,
                () -> gateway.call(ROOT, new CallRequest(MEM0, "no-such-command", Map.of(), false)));

        assertEquals(CallException.Kind.BAD_REQUEST, bad.kind());
    }

    private static BigInteger number(Object value) {
        assertTrue("a Long or BigInteger: " + value, value instanceof Long || value instanceof BigInteger);
        return new BigInteger(value.toString());
    }
}
