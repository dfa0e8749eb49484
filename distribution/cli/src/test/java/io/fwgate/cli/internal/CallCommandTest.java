package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.RefusedException;

class CallCommandTest {
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void passesDeviceCommandArgumentsConfirmAndTheKernelCaller() {
        Caller caller = new Caller(1000, 1000, new long[] { 27, 100 });

        Run run = Run.of(gateway, () -> caller, "call", "emu:mem0", "get-lsa", "--arg", "offset=0x10", "--arg",
                "length=64", "--confirm");

        assertThat(run.exit()).isZero();
        assertThat(gateway.callers).containsExactly(caller);
        assertThat(gateway.requests).singleElement().satisfies(request -> {
            assertThat(request.device()).isEqualTo(FakeGateway.MEM0);
            assertThat(request.command()).isEqualTo("get-lsa");
            assertThat(request.arguments()).isEqualTo(Map.of("offset", "0x10", "length", "64"));
            assertThat(request.confirm()).isTrue();
        });
    }

    @Test
    void jsonHasTheDocumentedMembersWithNumbersAsNumbers() throws IOException {
        Run run = Run.of(gateway, "call", "emu:mem0", "identify", "--json");

        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("device").asText()).isEqualTo("emu:mem0");
        assertThat(json.get("command").asText()).isEqualTo("identify");
        assertThat(json.get("opcode").asText()).isEqualTo("0x4000");
        assertThat(json.get("level").asText()).isEqualTo("telemetry");
        assertThat(json.get("reach").asText()).isEqualTo("device");
        assertThat(json.get("status").isInt()).isTrue();
        assertThat(json.get("status").asInt()).isZero();
        assertThat(json.get("status-name").asText()).isEqualTo("success");
        assertThat(json.get("audit-sequence").asLong()).isEqualTo(42);
        JsonNode response = json.get("response");
        assertThat(response.get("total-capacity-bytes").isBigInteger()).isTrue();
        assertThat(response.get("total-capacity-bytes").bigIntegerValue())
                .isEqualTo(new BigInteger("18446744073709551616"));
        assertThat(response.get("lsa-size").isIntegralNumber()).isTrue();
        assertThat(response.get("fw-revision").asText()).isEqualTo("FWGATE EMU 1.0");
    }

    @Test
    void humanOutputIsAHeaderThenAnIndentedTree() {
        Run run = Run.of(gateway, "call", "emu:mem0", "identify");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "emu:mem0 identify (opcode 0x4000, needs telemetry/device): success, audit record 42",
                "  fw-revision: FWGATE EMU 1.0",
                "  total-capacity-bytes: 18446744073709551616",
                "  lsa-size: 1024",
                "  poison:",
                "    max-records: 256",
                "  slots:",
                "    [0]: a",
                "    [1]:",
                "      id: 7");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void deviceFailureExitsFourNamingTheStatus() {
        gateway.answer = (caller, request) -> new CallResult(request.device(), request.command(), 0x4102,
                Level.TELEMETRY, Reach.DEVICE, 2, "invalid-input", Map.of(), 43);

        Run run = Run.of(gateway, "call", "emu:mem0", "get-lsa");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).isEqualTo(
                "fwgate: emu:mem0 get-lsa failed on the device: invalid-input (status 2, 0x0002)\n");
    }

    @Test
    void deviceFailureStillPrintsTheJsonResult() throws IOException {
        gateway.answer = (caller, request) -> new CallResult(request.device(), request.command(), 0x4102,
                Level.TELEMETRY, Reach.DEVICE, 2, "invalid-input", Map.of(), 43);

        Run run = Run.of(gateway, "call", "emu:mem0", "get-lsa", "--json");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(run.out()).get("status-name").asText()).isEqualTo("invalid-input");
    }

    @Test
    void refusalExitsThreeSayingWhatWasNeededAndGranted() {
        gateway.answer = (caller, request) -> {
            throw new RefusedException("refused: sanitize needs debug-write-full, you have telemetry",
                    Level.DEBUG_WRITE_FULL, Reach.DEVICE, Level.TELEMETRY, Reach.DEVICE);
        };

        Run run = Run.of(gateway, "call", "emu:mem0", "sanitize", "--confirm");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("fwgate: refused: sanitize needs debug-write-full, you have telemetry\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRefusalIsNamedExactlyOnce() {
        gateway.answer = (caller, request) -> {
            throw new CallException(CallException.Kind.REFUSED, "the policy is invalid");
        };

        assertThat(Run.of(gateway, "call", "emu:mem0", "identify").err())
                .isEqualTo("fwgate: refused: the policy is invalid\n");
    }

    @Test
    void callExceptionKindsMapToTheirExitCodes() {
        assertThat(failingWith(CallException.Kind.BAD_REQUEST).exit()).isEqualTo(2);
        assertThat(failingWith(CallException.Kind.DELIVERY_FAILED).exit()).isEqualTo(5);
        assertThat(failingWith(CallException.Kind.AUDIT_FAILED).exit()).isEqualTo(1);
        assertThat(failingWith(CallException.Kind.DELIVERY_FAILED).err())
                .isEqualTo("fwgate: something about DELIVERY_FAILED\n");
    }

    private Run failingWith(CallException.Kind kind) {
        gateway.answer = (caller, request) -> {
            throw new CallException(kind, "something about " + kind, new IOException("cause"));
        };
        return Run.of(gateway, "call", "emu:mem0", "identify");
    }

    @Test
    void unreadableIdentityRunsNothingAndExitsOne() {
        Run run = Run.of(gateway, () -> {
            throw new IOException("/proc/self/status: no such file");
        }, "call", "emu:mem0", "identify");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fwgate: cannot establish who you are: /proc/self/status: no such file\n");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void anUnexpectedRuntimeExceptionIsOneLineNotAStackTrace() {
        gateway.answer = (caller, request) -> {
            throw new IllegalStateException("registry closed");
        };

        Run run = Run.of(gateway, "call", "emu:mem0", "identify");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("fwgate: internal error: java.lang.IllegalStateException: registry closed\n");
    }
}
