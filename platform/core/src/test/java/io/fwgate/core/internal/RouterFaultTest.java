package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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

/** A device and a plugin that misbehave: answers too long, decoders that fail or never return (F1-F3). */
class RouterFaultTest {
    /** Health 4200h: at most 4 bytes, life used at byte 3. Stats C001h: at most 16 bytes, a Java decoder. */
    private static final String TABLE = "{\"format\":1,\"vendor\":\"t\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
            + "\"commands\":["
            + "{\"name\":\"health\",\"opcode\":\"0x4200\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
            + " \"request\":{\"size\":0,\"fields\":[]},"
            + " \"response\":{\"max-size\":4,\"fields\":[{\"name\":\"life-used-percent\",\"offset\":3,\"type\":\"u8\"}]}},"
            + "{\"name\":\"stats\",\"opcode\":\"0xc001\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
            + " \"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":16,\"decoder\":\"stats\"}}]}";
    private static final Duration DECODE_BOUND = Duration.ofMillis(200);

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FakeDevice device = new FakeDevice(0x4200, 0x0000).answering(r -> new DeviceResponse(0, new byte[4]));
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private RouterFixture fixture;

    @BeforeEach
    void assemble() {
        fixture = new RouterFixture(config, state, device, DECODE_BOUND).table(5, "test.plugin", TABLE);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        fixture.close();
    }

    private CallResult call(String command) throws CallException {
        return fixture.call(RouterFixture.USER, command, Map.of(), false);
    }

    @Test
    void anAnswerLongerThanTheCommandAllowsIsUndecodableNotASuccess() throws Exception {
        device.answering(r -> new DeviceResponse(0, new byte[] { 0, 0, 0, 7, 9 }));
        assertThatThrownBy(() -> call("health")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessage("fake:mem0 answered with 5 bytes, more than the at most 4 health returns;"
                        + " the answer was not decoded");
        device.answering(r -> new DeviceResponse(0, new byte[PreparedCall.RAW_MAX_RESPONSE + 1]));
        assertThatThrownBy(() -> call("0x4200")).hasMessageContaining("answered with 1048577 bytes, more than the at"
                + " most 1048576 0x4200 returns");
        assertThat(fixture.results()).containsExactly("undecodable", "undecodable");
        assertThat(fixture.records().get(1)).containsEntry("status", 0)
                .hasEntrySatisfying("error", error -> assertThat(error.toString()).contains("5 bytes"));
    }

    @Test
    void anAnswerOfTheMostTheCommandAllowsIsDecoded() throws Exception {
        device.answering(r -> new DeviceResponse(0, new byte[] { 0, 0, 0, 7 }));
        assertThat(call("health").response()).containsEntry("life-used-percent", 7L);
    }

    @Test
    void aDecoderThatFailsWithAnErrorMakesTheAnswerUndecodable() throws Exception {
        fixture.decoder("stats", payload -> {
            throw new NoClassDefFoundError("com/example/Gone (its bundle was updated away)");
        });
        assertThatThrownBy(() -> call("stats")).isInstanceOfSatisfying(CallException.class,
                e -> assertThat(e.kind()).isEqualTo(CallException.Kind.DELIVERY_FAILED))
                .hasMessageContaining("the plugin's decoder failed").hasMessageContaining("NoClassDefFoundError");
        fixture.decoder("stats", new ResponseDecoder() {
            @Override
            public Map<String, Object> decode(java.nio.ByteBuffer payload) {
                return decode(payload);
            }
        });
        assertThatThrownBy(() -> call("stats")).hasMessageContaining("StackOverflowError");
        assertThat(fixture.results()).containsExactly("undecodable", "undecodable");
    }

    @Test
    void aDecoderThatNeverReturnsFailsTheCallFreesTheDeviceAndFlagsItsPlugin() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        fixture.decoder("stats", payload -> {
            try {
                never.await(); // interrupted by the deadline: then it ignores that and waits again
            } catch (InterruptedException e) {
                awaitUninterruptibly(never);
            }
            returned.countDown();
            return Map.of("bytes", 16L);
        });
        Future<CallResult> stuck = callers.submit(() -> call("stats"));
        assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CallException.class)
                .hasMessageContaining("the plugin's decoder 'stats' did not return within 200 ms")
                .hasMessageContaining("test.plugin is flagged as misbehaving");
        assertThat(fixture.results()).containsExactly("undecodable");
        assertThat(call("health").ok()).as("the device's lock is free again").isTrue();
        assertThat(fixture.registry.plugins().get(0).view(fixture.decoding.hung(5).map(DecoderDeadline.Hung::describe))
                .detail()).contains("misbehaving: its decoder 'stats' has not returned");

        assertThatThrownBy(() -> call("stats")).hasMessageContaining("'stats' has not returned from an earlier answer")
                .hasMessageContaining("nothing is sent");
        assertThat(device.commandsSent()).containsExactly(0xc001, 0x4200);

        never.countDown();
        assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue();
        // the flag is dropped by the decoder's own thread right after it returns: bounded wait, no sleep
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fixture.decoding.hung(5).isPresent() && System.nanoTime() < deadline) {
            Thread.yield();
        }
        assertThat(fixture.decoding.hung(5)).isEmpty();
        assertThat(call("stats").response()).containsEntry("bytes", 16L);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
