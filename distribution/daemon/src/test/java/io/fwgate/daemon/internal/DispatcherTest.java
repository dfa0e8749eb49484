package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.platform.Caller;

/** Requests run against the gateway for the kernel's caller; every failure becomes its error kind. */
class DispatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller ROOT = new Caller(0, 0, new long[0]);
    private static final Caller NOBODY = new Caller(65534, 65534, new long[0]);

    private final FakeGateway gateway = new FakeGateway();
    private final List<String> problems = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(gateway, new Log() {
        @Override
        public void info(String line) {
        }

        @Override
        public void problem(String line) {
            problems.add(line);
        }
    });

    private JsonNode handle(Caller caller, String line) throws IOException {
        byte[] answer = dispatcher.handle(caller, line.getBytes(StandardCharsets.UTF_8));
        assertThat(answer[answer.length - 1]).as("one line").isEqualTo((byte) '\n');
        return JSON.readTree(answer);
    }

    @Test
    void aResultCarriesTheVersionAndTheRequestsId() throws IOException {
        JsonNode answer = handle(ROOT, "{\"fwgate\":1,\"id\":\"abc\",\"op\":\"devices\"}");

        assertThat(answer.get("fwgate").asInt()).isEqualTo(1);
        assertThat(answer.get("id").asText()).isEqualTo("abc");
        assertThat(answer.get("result").get(0).get("id").asText()).isEqualTo("emu:mem0");
        assertThat(answer.has("error")).isFalse();
    }

    @Test
    void theCallerIsTheOneTheDaemonWasGiven() throws IOException {
        handle(NOBODY, "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"identify\"}");

        assertThat(gateway.callers).containsExactly(NOBODY);
    }

    @Test
    void aMalformedDeviceIdIsTheCallsBadRequest() throws IOException {
        JsonNode answer = handle(ROOT, "{\"fwgate\":1,\"id\":1,\"op\":\"commands\",\"device\":\"mem0\"}");

        assertThat(answer.get("error").get("kind").asText()).isEqualTo("bad-request");
        assertThat(answer.get("error").get("message").asText()).contains("<transport>:<address>");
    }

    @Test
    void readingTheAuditLogNeedsConfiguration() throws IOException {
        JsonNode refused = handle(NOBODY, "{\"fwgate\":1,\"id\":1,\"op\":\"audit\"}");
        JsonNode verify = handle(NOBODY, "{\"fwgate\":1,\"id\":2,\"op\":\"verify\"}");
        JsonNode allowed = handle(ROOT, "{\"fwgate\":1,\"id\":3,\"op\":\"audit\",\"limit\":1}");

        assertThat(refused.get("error").get("kind").asText()).isEqualTo("refused");
        assertThat(refused.get("error").get("needed-level").asText()).isEqualTo("configuration");
        assertThat(refused.get("error").get("granted-level").asText()).isEqualTo("telemetry");
        assertThat(verify.get("error").get("kind").asText()).isEqualTo("refused");
        assertThat(allowed.get("result").get(0).get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void anAuditReadFailureIsAnIoError() throws IOException {
        gateway.auditFailure = new IOException("audit.jsonl: Permission denied");

        JsonNode answer = handle(ROOT, "{\"fwgate\":1,\"id\":1,\"op\":\"audit\"}");

        assertThat(answer.get("error").get("kind").asText()).isEqualTo("io-error");
        assertThat(answer.get("error").get("message").asText()).isEqualTo("audit.jsonl: Permission denied");
    }

    @Test
    void aGatewayThatBreaksIsAnInternalErrorAndLogged() throws IOException {
        gateway.answer = (caller, request) -> {
            throw new IllegalStateException("registry closed");
        };

        JsonNode answer = handle(ROOT, "{\"fwgate\":1,\"id\":1,\"op\":\"call\",\"device\":\"emu:mem0\","
                + "\"command\":\"identify\"}");

        assertThat(answer.get("error").get("kind").asText()).isEqualTo("internal");
        assertThat(answer.get("error").get("message").asText()).contains("registry closed");
        assertThat(problems).singleElement().asString().contains("registry closed");
    }

    @Test
    void aProtocolErrorEchoesTheIdWhenItCanBeRead() throws IOException {
        JsonNode answer = handle(ROOT, "{\"fwgate\":1,\"id\":41,\"op\":\"status\",\"uid\":0}");

        assertThat(answer.get("id").asLong()).isEqualTo(41);
        assertThat(answer.get("error").get("kind").asText()).isEqualTo("invalid-request");
        assertThat(gateway.callers).isEmpty();
    }
}
