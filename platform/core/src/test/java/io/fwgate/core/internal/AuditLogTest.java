package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.platform.AuditVerification;

class AuditLogTest {
    @TempDir
    Path state;

    private AuditLog log() {
        return new AuditLog(state, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    private void writeRecords(int n) throws Exception {
        AuditLog log = log();
        for (int i = 1; i <= n; i++) {
            assertThat(log.append(AuditLog.fields("device", "emu:mem0", "command", "c" + i))).isEqualTo(i);
        }
        log.close();
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(state.resolve(AuditLog.LOG_FILE)));
    }

    private void rewrite(List<String> lines) throws Exception {
        Files.writeString(state.resolve(AuditLog.LOG_FILE), String.join("\n", lines) + "\n");
    }

    private AuditVerification verify() throws Exception {
        return log().trail().verify();
    }

    @Test
    void recordsChainAndVerify() throws Exception {
        writeRecords(5);
        assertThat(verify()).isEqualTo(new AuditVerification(true, 5, ""));
        var records = log().trail().records(2);
        assertThat(records).extracting(r -> r.get("command")).containsExactly("c4", "c5");
        assertThat(records.get(0)).containsEntry("time", "2026-11-24T10:00:00Z");
        assertThat(lines().get(0)).contains("\"prev\":\"" + AuditChain.GENESIS + "\"");
    }

    @Test
    void eachLineIsTheLogsOwnFieldsThenTheRecordsInItsOrder() throws Exception {
        AuditLog log = log();
        log.append(AuditLog.fields("device", "emu:mem0", "arguments", AuditLog.fields("b", "2", "a", "1")));
        log.append(AuditLog.fields());
        log.close();

        assertThat(lines()).containsExactly(
                "{\"seq\":1,\"time\":\"2026-11-24T10:00:00Z\",\"prev\":\"" + AuditChain.GENESIS + "\","
                        + "\"device\":\"emu:mem0\",\"arguments\":{\"b\":\"2\",\"a\":\"1\"}}",
                "{\"seq\":2,\"time\":\"2026-11-24T10:00:00Z\",\"prev\":\""
                        + AuditChain.sha256(lines().get(0)) + "\"}");
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRecordNamingTheLogsOwnFieldsIsRefusedAndNothingIsWritten() throws Exception {
        AuditLog log = log();
        log.append(AuditLog.fields("device", "emu:mem0"));

        for (String own : List.of("seq", "time", "prev")) {
            assertThatThrownBy(() -> log.append(AuditLog.fields(own, "forged"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + own + "'");
        }
        log.append(AuditLog.fields("device", "emu:mem1"));
        log.close();

        assertThat(lines()).hasSize(2).noneMatch(line -> line.contains("forged"));
        assertThat(verify()).isEqualTo(new AuditVerification(true, 2, ""));
    }

    @Test
    void anEditedRecordIsDetected() throws Exception {
        writeRecords(4);
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("\"c2\"", "\"c9\""));
        rewrite(lines);
        AuditVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("line 3").contains("does not chain");
    }

    @Test
    void aRemovedMiddleRecordIsDetected() throws Exception {
        writeRecords(4);
        List<String> lines = lines();
        lines.remove(1);
        rewrite(lines);
        assertThat(verify().problem()).contains("line 2").contains("expected 2");
    }

    @Test
    void reorderedRecordsAreDetected() throws Exception {
        writeRecords(4);
        List<String> lines = lines();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        rewrite(lines);
        assertThat(verify().intact()).isFalse();
    }

    @Test
    void recordsRemovedFromTheEndAreDetectedByTheHeadSeal() throws Exception {
        writeRecords(4);
        List<String> lines = lines();
        lines.remove(3);
        lines.remove(2);
        rewrite(lines);
        AuditVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("head seal");
    }

    @Test
    void anEditedSealedLastRecordIsDetected() throws Exception {
        writeRecords(3);
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"c3\"", "\"cX\""));
        rewrite(lines);
        assertThat(verify().problem()).contains("record 3 no longer matches the head seal");
    }

    @Test
    void concurrentAppendsShareFsyncsAndKeepOneUnbrokenChain() throws Exception {
        AuditLog log = log();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Long>> seqs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            seqs.add(pool.submit(() -> log.append(AuditLog.fields("command", "c" + n))));
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (var seq : seqs) {
            seen.add(seq.get());
        }
        pool.shutdown();
        log.close();
        assertThat(seen).hasSize(400).allMatch(s -> s >= 1 && s <= 400);
        assertThat(verify()).isEqualTo(new AuditVerification(true, 400, ""));
    }

    @Test
    void aPartialTrailingLineWasNeverAcknowledgedAndIsDroppedOnReopen() throws Exception {
        writeRecords(2);
        Files.writeString(state.resolve(AuditLog.LOG_FILE), "{\"seq\":3,\"pre", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        AuditLog log = log();
        assertThat(log.append(AuditLog.fields("command", "after-crash"))).isEqualTo(3);
        log.close();
        assertThat(verify()).isEqualTo(new AuditVerification(true, 3, ""));
    }

    @Test
    void aHeadBehindAfterACrashStillVerifiesAndIsResealed() throws Exception {
        writeRecords(3);
        Files.writeString(state.resolve(AuditLog.HEAD_FILE), "2 " + AuditChain.sha256(lines().get(1)) + "\n");
        assertThat(verify().intact()).isTrue();
        AuditLog log = log();
        log.append(AuditLog.fields("command", "next"));
        log.close();
        assertThat(verify()).isEqualTo(new AuditVerification(true, 4, ""));
    }

    @Test
    void anEmptyStateVerifiesAsIntactWithNoRecords() throws Exception {
        assertThat(verify()).isEqualTo(new AuditVerification(true, 0, ""));
        assertThat(log().trail().records(0)).isEmpty();
    }

    @Test
    void theSealIsOneFixedWidthLineOverwrittenInPlaceAfterEachSync() throws Exception {
        AuditLog log = log();
        log.append(AuditLog.fields("command", "c1"));
        Path head = state.resolve(AuditLog.HEAD_FILE);
        Object file = Files.readAttributes(head, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        for (int i = 2; i <= 12; i++) {
            log.append(AuditLog.fields("command", "c" + i));
        }
        assertThat(Files.readAttributes(head, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("the same file, not a new one renamed over it").isEqualTo(file);
        // the seal: the sequence number as 19 digits, a space, the SHA-256 of the record's line, a newline
        assertThat(Files.readString(head)).isEqualTo("0000000000000000012 " + AuditChain.sha256(lines().get(11)) + "\n");
        log.close();
        assertThat(verify()).isEqualTo(new AuditVerification(true, 12, ""));
    }

    @Test
    void aRecordAppendedLaterBecomesDurableWithTheNextAppend() throws Exception {
        AuditLog log = log();
        assertThat(log.appendLater(AuditLog.fields("decision", "allowed"))).isEqualTo(1);
        assertThat(log.durableSeq()).isZero();
        assertThat(log.append(AuditLog.fields("result", "success"))).isEqualTo(2);
        assertThat(log.durableSeq()).isEqualTo(2);
        log.close();
        assertThat(verify()).isEqualTo(new AuditVerification(true, 2, ""));
        assertThat(log().trail().records(0)).extracting(r -> r.get("seq")).containsExactly(1, 2);
    }

    @Test
    void recordsRemovedFromTheEndOfALogSealedInPlaceAreDetected() throws Exception {
        writeRecords(6);
        List<String> lines = lines();
        rewrite(lines.subList(0, 4));
        assertThat(verify().problem()).contains("the head seal names record 6 but the log ends at record 4");
    }
}
