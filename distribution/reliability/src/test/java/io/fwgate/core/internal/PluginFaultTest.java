package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.ResponseDecoder;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;

/**
 * Plugin faults under the real call path: a Java decoder that throws or never returns, and a plugin
 * removed or updated while one of its commands is in flight. The call in flight ends and is audited
 * whole; the next call is told what changed; the device is not held.
 */
class PluginFaultTest {
    private static final long BUNDLE = 41;
    /** A vendor telemetry command C100h whose answer a Java decoder reads. */
    private static final String TABLE = "{\"format\":1,\"vendor\":\"faulty\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
            + "\"commands\":[{\"name\":\"vendor-stats\",\"opcode\":\"0xc100\",\"description\":\"d\",\"effects\":[],"
            + "\"level\":\"telemetry\",\"request\":{\"size\":0,\"fields\":[]},"
            + "\"response\":{\"max-size\":16,\"decoder\":\"stats\"}}]}";
    private static final String TABLE_V2 = TABLE.replace("vendor-stats", "vendor-stats-v2");

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FaultyDevice devices = new FaultyDevice(0xc100, 0x0000).with("mem0",
            r -> new DeviceResponse(0, new byte[16]));
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Rig rig;

    @BeforeEach
    void assemble() {
        rig = new Rig(config, state, Duration.ofSeconds(1)).transport(devices)
                .plugin(BUNDLE, "com.example.faulty", "1.0.0", TABLE.getBytes(StandardCharsets.UTF_8))
                .decoder("stats", p -> Map.of("bytes", (long) p.remaining()));
    }

    @AfterEach
    void release() {
        devices.release("mem0");
        callers.shutdownNow();
        rig.close();
    }

    private CallResult stats(String command) throws CallException {
        return rig.call(Rig.USER, "mem0", command, Map.of(), false);
    }

    @Test
    void aDecoderThatThrowsMakesTheAnswerUndecodable() throws Exception {
        rig.decoder("stats", p -> {
            throw new IllegalStateException("decoder bug");
        });
        assertThatThrownBy(() -> stats("vendor-stats")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("the plugin's decoder failed").hasMessageContaining("decoder bug");
        assertThat(results()).containsExactly("undecodable");
    }

    /** Finding F2, fixed: an Error from a decoder escaped the router between the decision and the result record. */
    @Test
    void aDecoderThatOverflowsItsStackMakesTheAnswerUndecodable() throws Exception {
        rig.decoder("stats", new ResponseDecoder() {
            @Override
            public Map<String, Object> decode(java.nio.ByteBuffer payload) {
                return decode(payload);
            }
        });
        assertThatThrownBy(() -> stats("vendor-stats")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED));
        assertThat(results()).containsExactly("undecodable");
    }

    /** Finding F3, fixed: a decoder that never returned held the call, and the device's lock, forever. */
    @Test
    void aDecoderThatNeverReturnsFailsTheCallAndFreesTheDevice() throws Exception {
        rig.decoder("stats", p -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("interrupted");
        });
        Future<CallResult> looping = callers.submit(() -> stats("vendor-stats"));
        assertThatThrownBy(() -> looping.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CallException.class);
        assertThat(results()).containsExactly("undecodable");
    }

    @Test
    void aPluginRemovedMidCallLetsThatCallFinishAndTellsTheNextCallerWhy() throws Exception {
        stats("vendor-stats");
        devices.hang("mem0");
        Future<CallResult> inFlight = callers.submit(() -> stats("vendor-stats"));
        devices.awaitStuck("mem0");
        rig.registry.remove(BUNDLE);
        devices.release("mem0");
        assertThat(inFlight.get(30, TimeUnit.SECONDS).response()).containsEntry("bytes", 16L);
        assertThatThrownBy(() -> stats("vendor-stats")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("plugin changed: com.example.faulty 1.0.0")
                .hasMessageContaining("nothing was sent, retry");
        assertThat(devices.commandsSent("mem0")).hasSize(2);
        assertThat(results()).containsExactly("success", "success");
    }

    @Test
    void aPluginUpdatedMidCallFinishesThatCallByTheOldTableAndTheNextByTheNew() throws Exception {
        stats("vendor-stats");
        devices.hang("mem0");
        Future<CallResult> inFlight = callers.submit(() -> stats("vendor-stats"));
        devices.awaitStuck("mem0");
        rig.registry.remove(BUNDLE);
        rig.plugin(BUNDLE, "com.example.faulty", "2.0.0", TABLE_V2.getBytes(StandardCharsets.UTF_8));
        devices.release("mem0");
        assertThat(inFlight.get(30, TimeUnit.SECONDS).command()).isEqualTo("vendor-stats");
        assertThat(stats("vendor-stats-v2").ok()).isTrue();
        assertThatThrownBy(() -> stats("vendor-stats")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.BAD_REQUEST))
                .hasMessageContaining("unknown command 'vendor-stats'");
        assertThat(rig.records()).extracting(r -> r.get("plugin")).containsOnly("com.example.faulty");
        assertThat(results()).containsExactly("success", "success", "success");
    }

    private List<Object> results() throws Exception {
        return rig.records().stream().filter(r -> r.containsKey("result")).map(r -> r.get("result")).toList();
    }
}
