package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.RefusedException;

/**
 * When each record of a call is on disk: a call that only reads waits for one sync (its decision and its
 * result become durable together, before it returns); any other call's decision is durable before the
 * device sees the command.
 */
class AuditDurabilityTest {
    /** Health 4200h reads; Clear Log 0101h changes a log (configuration). */
    private static final String TABLE = "{\"format\":1,\"vendor\":\"t\",\"match\":{\"kinds\":[\"cxl-memory-device\"]},"
            + "\"commands\":["
            + "{\"name\":\"health\",\"opcode\":\"0x4200\",\"description\":\"d\",\"effects\":[],\"level\":\"telemetry\","
            + " \"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}},"
            + "{\"name\":\"clear-log\",\"opcode\":\"0x0101\",\"description\":\"d\",\"effects\":[\"log-change-immediate\"],"
            + " \"level\":\"configuration\",\"request\":{\"size\":0,\"fields\":[]},\"response\":{\"max-size\":0,\"fields\":[]}}]}";

    @TempDir
    Path config;
    @TempDir
    Path state;

    private final FakeDevice device = new FakeDevice(0x4200, 0x0000, 0x0101, 0x0010);
    private RouterFixture fixture;
    /** What the device saw of the log when the command reached it: lines in the file, and how many were durable. */
    private long linesAtSend;
    private long durableAtSend;

    @BeforeEach
    void assemble() {
        fixture = new RouterFixture(config, state, device, Duration.ofSeconds(5)).table(5, "test.plugin", TABLE);
        device.answering(request -> {
            try {
                linesAtSend = Files.readAllLines(state.resolve(AuditLog.LOG_FILE)).size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            durableAtSend = fixture.log.durableSeq();
            return new DeviceResponse(0, new byte[0]);
        });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTelemetryCallsDecisionIsWrittenBeforeTheSendAndMadeDurableWithItsResult() throws Exception {
        CallResult result = fixture.call(RouterFixture.USER, "health", Map.of(), false);
        assertThat(linesAtSend).as("the decision was written before the send").isEqualTo(1);
        assertThat(durableAtSend).as("but no sync was waited for before the send").isZero();
        assertThat(result.auditSequence()).isEqualTo(2);
        assertThat(fixture.log.durableSeq()).as("both records durable when the call returns").isEqualTo(2);
        assertThat(Files.readAllLines(state.resolve(AuditLog.LOG_FILE))).hasSize(2);
    }

    @Test
    void aConfigurationCallsDecisionIsDurableBeforeTheDeviceSeesTheCommand() throws Exception {
        fixture.call(RouterFixture.ROOT, "clear-log", Map.of(), false);
        assertThat(linesAtSend).isEqualTo(1);
        assertThat(durableAtSend).isEqualTo(1);
        assertThat(fixture.log.durableSeq()).isEqualTo(2);
    }

    @Test
    void everyCallKeepsItsRecordsInOrderAndTheLogVerifies() throws Exception {
        fixture.call(RouterFixture.USER, "health", Map.of(), false);
        fixture.call(RouterFixture.ROOT, "clear-log", Map.of(), false);
        assertThatThrownBy(() -> fixture.call(RouterFixture.USER, "clear-log", Map.of(), false))
                .isInstanceOf(RefusedException.class);
        fixture.call(RouterFixture.USER, "health", Map.of(), false);
        List<Map<String, Object>> records = fixture.records();
        assertThat(records).extracting(r -> r.get("command"), r -> r.get("decision"), r -> r.get("result"))
                .containsExactly(Tuple.tuple("health", "allowed", null), Tuple.tuple("health", null, "success"),
                        Tuple.tuple("clear-log", "allowed", null), Tuple.tuple("clear-log", null, "success"),
                        Tuple.tuple("clear-log", "refused", null),
                        Tuple.tuple("health", "allowed", null), Tuple.tuple("health", null, "success"));
        assertThat(records).extracting(r -> ((Number) r.get("seq")).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        fixture.log.close();
        assertThat(fixture.log.trail().verify()).isEqualTo(new AuditVerification(true, 7, ""));
    }
}
