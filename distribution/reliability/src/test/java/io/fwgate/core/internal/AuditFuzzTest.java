package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.platform.AuditVerification;
import io.fwgate.reliability.FuzzStats;

/**
 * {@code audit --verify} on an audit log and head seal of arbitrary bytes (an edited, torn or corrupted
 * state directory): a verdict, intact or naming the first problem, and never an exception: a damaged
 * log is a finding to report, not an error of the verifier. An intact verdict on bytes that do not start
 * from the genesis hash would mean a forged log passes.
 */
class AuditFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("audit-verify");
    private static final Path STATE = stateDir();

    private static Path stateDir() {
        try {
            return Files.createTempDirectory("fwgate-fuzz-audit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void verify(FuzzedDataProvider data) throws IOException {
        STATS.tried();
        Files.write(STATE.resolve(AuditLog.HEAD_FILE), data.consumeBytes(data.consumeInt(0, 100)));
        byte[] log = data.consumeRemainingAsBytes();
        Files.write(STATE.resolve("audit.jsonl"), log);
        AuditVerification verdict = new AuditLog(STATE, Clock.systemUTC()).trail().verify();
        if (verdict.intact() && verdict.records() > 0) {
            assertThat(new String(log, java.nio.charset.StandardCharsets.UTF_8)).contains(AuditChain.GENESIS);
        } else if (!verdict.intact()) {
            assertThat(verdict.problem()).isNotBlank();
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
