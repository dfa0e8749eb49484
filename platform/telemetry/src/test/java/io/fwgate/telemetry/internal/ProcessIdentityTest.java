package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fwgate.platform.Caller;

class ProcessIdentityTest {
    @Test
    void takesTheRealUidAndGidAndTheSupplementaryGroups() {
        Caller caller = ProcessIdentity.parse(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0", "Gid:\t998\t998\t998\t998",
                "Groups:\t4 24 998 "));

        assertThat(caller.uid()).isZero();
        assertThat(caller.gid()).isEqualTo(998);
        assertThat(caller.groups()).containsExactly(4, 24, 998);
    }

    @Test
    void aProcessInNoSupplementaryGroupHasAnEmptyGroupsLine() {
        assertThat(ProcessIdentity.parse(List.of("Uid:\t1000\t1000\t1000\t1000", "Gid:\t1000\t1000\t1000\t1000",
                "Groups:")).groups()).isEmpty();
    }

    @Test
    void refusesAStatusWithoutIds() {
        assertThatThrownBy(() -> ProcessIdentity.parse(List.of("Name:\tjava"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Uid or Gid line");
    }
}
