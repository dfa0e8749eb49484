package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fwgate.platform.CallException.Kind;

class ExitCodeTest {
    @Test
    void callFailuresMapAsDocumented() {
        assertThat(ExitCode.of(Kind.BAD_REQUEST).code()).isEqualTo(2);
        assertThat(ExitCode.of(Kind.REFUSED).code()).isEqualTo(3);
        assertThat(ExitCode.of(Kind.DELIVERY_FAILED).code()).isEqualTo(5);
        assertThat(ExitCode.of(Kind.AUDIT_FAILED).code()).isEqualTo(1);
    }

    @Test
    void codesAreDistinctAndListedInOrder() {
        assertThat(ExitCode.helpList().keySet()).containsExactly("0", "1", "2", "3", "4", "5", "6");
    }
}
