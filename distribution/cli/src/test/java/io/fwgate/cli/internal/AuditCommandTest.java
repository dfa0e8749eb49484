package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.AuditVerification;

class AuditCommandTest {
    private final FakeGateway gateway = new FakeGateway();

    /** A decision record as the core writes it before sending. */
    private static Map<String, Object> decision(long seq, String command, String decision, String reason) {
        Map<String, Object> record = base(seq, command);
        record.put("decision", decision);
        record.put("reason", reason);
        return record;
    }

    /** A result record as the core writes it after the device answered. */
    private static Map<String, Object> result(long seq, String command, String result, String statusName) {
        Map<String, Object> record = base(seq, command);
        record.put("result", result);
        record.put("status", 0L);
        record.put("status-name", statusName);
        return record;
    }

    private static Map<String, Object> base(long seq, String command) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("seq", seq);
        record.put("time", "2026-01-01T00:00:0" + seq + "Z");
        record.put("prev", "abc");
        record.put("caller", Map.of("uid", 1000L, "gid", 1000L, "groups", List.of()));
        record.put("device", "emu:mem0");
        record.put("command", command);
        record.put("opcode", "0x4000");
        return record;
    }

    private void records(Map<String, Object>... records) {
        gateway.audit = new FakeGateway.Trail(List.of(records), new AuditVerification(true, records.length, ""));
    }

    @Test
    void printsOneLinePerRecord() {
        records(decision(1, "identify", "allowed", "telemetry"), result(2, "identify", "success", "success"),
                decision(3, "sanitize", "refused", "sanitize needs debug-write-full, you have telemetry"),
                result(4, "get-lsa", "device-error", "invalid-input"));

        Run run = Run.of(gateway, "audit");

        assertThat(run.out().lines()).containsExactly(
                "#1 2026-01-01T00:00:01Z uid=1000 emu:mem0 identify decision=allowed",
                "#2 2026-01-01T00:00:02Z uid=1000 emu:mem0 identify result=success status=success",
                "#3 2026-01-01T00:00:03Z uid=1000 emu:mem0 sanitize decision=refused"
                        + " (sanitize needs debug-write-full, you have telemetry)",
                "#4 2026-01-01T00:00:04Z uid=1000 emu:mem0 get-lsa result=device-error status=invalid-input");
    }

    @Test
    void limitKeepsTheNewestAndJsonIsOneObjectPerLine() throws IOException {
        records(decision(1, "identify", "allowed", "telemetry"), result(2, "identify", "success", "success"),
                decision(3, "set-lsa", "allowed", "configuration"));

        Run run = Run.of(gateway, "audit", "--limit", "2", "--json");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("seq").asLong()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("command").asText()).isEqualTo("set-lsa");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("caller").get("uid").asLong()).isEqualTo(1000);
    }

    @Test
    void negativeLimitIsAUsageError() {
        Run run = Run.of(gateway, "audit", "--limit", "-1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwgate: --limit must be 0 or more, not -1");
    }

    @Test
    void verifyReportsAnIntactLog() {
        gateway.audit = new FakeGateway.Trail(List.of(), new AuditVerification(true, 7, ""));

        Run run = Run.of(gateway, "audit", "--verify");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("audit log intact: 7 records\n");
    }

    @Test
    void verifyReportsTheProblemAndExitsOne() {
        gateway.audit = new FakeGateway.Trail(List.of(),
                new AuditVerification(false, 3, "line 4 does not chain to the record before it"));

        Run run = Run.of(gateway, "audit", "--verify");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "fwgate: audit log broken after 3 good records: line 4 does not chain to the record before it\n");
    }

    @Test
    void unreadableLogExitsOne() {
        gateway.audit = new AuditTrail() {
            @Override
            public List<Map<String, Object>> records(int limit) throws IOException {
                throw new IOException("/var/lib/fwgate/audit.jsonl: Permission denied");
            }

            @Override
            public AuditVerification verify() throws IOException {
                throw new IOException("unused");
            }
        };

        Run run = Run.of(gateway, "audit");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("fwgate: cannot read the audit log: /var/lib/fwgate/audit.jsonl: Permission denied\n");
    }
}
