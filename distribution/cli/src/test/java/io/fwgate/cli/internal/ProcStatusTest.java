package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.fwgate.platform.Caller;

class ProcStatusTest {
    /** As Linux writes it (fs/proc/array.c): real, effective, saved set, filesystem ids, tab separated. */
    private static final String SETUID_PROCESS = """
            Name:\tfwgate
            Umask:\t0022
            State:\tR (running)
            Tgid:\t4242
            Pid:\t4242
            PPid:\t4100
            TracerPid:\t0
            Uid:\t1000\t0\t0\t0
            Gid:\t1000\t27\t27\t27
            FDSize:\t64
            Groups:\t4 24 27 1000\s
            NStgid:\t4242
            """;

    @Test
    void takesTheEffectiveIdsAndTheSupplementaryGroups() {
        Caller caller = ProcStatus.parse(SETUID_PROCESS);

        assertThat(caller.uid()).isZero();
        assertThat(caller.gid()).isEqualTo(27);
        assertThat(caller.groups()).containsExactly(4, 24, 27, 1000);
    }

    @Test
    void anEmptyGroupsLineMeansNoSupplementaryGroups() {
        Caller caller = ProcStatus.parse("Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t\n");

        assertThat(caller.uid()).isEqualTo(1000);
        assertThat(caller.groups()).isEmpty();
    }

    @Test
    void missingOrMalformedLinesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcStatus.parse("Gid:\t0\t0\t0\t0\nGroups:\t\n"))
                .withMessageContaining("'Uid:'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProcStatus.parse("Uid:\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
                .withMessageContaining("expected 4");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProcStatus.parse("Uid:\t0\tx\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n"))
                .withMessageContaining("non-number");
    }

    @Test
    void readsThisProcessWhereProcExists() throws Exception {
        assumeTrue(Files.isReadable(ProcStatus.SELF));

        Caller self = ProcStatus.self();

        byte[] idOutput = new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes();
        assertThat(self.uid()).isEqualTo(Long.parseLong(new String(idOutput, StandardCharsets.US_ASCII).trim()));
    }
}
