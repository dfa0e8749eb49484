package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

class GateTest {

    private static Requirement need(String level, String reach) {
        return new Requirement(Level.parse(level), Reach.parse(reach), "test");
    }

    @ParameterizedTest(name = "{0} needed, {1} granted -> allowed={2}")
    @CsvSource({
            "telemetry, telemetry, true",
            "telemetry, debug-write-full, true",
            "configuration, telemetry, false",
            "configuration, configuration, true",
            "debug-write, configuration, false",
            "debug-write, debug-write, true",
            "debug-write-full, debug-write, false",
            "debug-write-full, debug-write-full, true" })
    void levelDecisionTable(String needed, String granted, boolean allowed) {
        var refusal = Gate.refusal("cmd", need(needed, "device"), new Grant(Level.parse(granted), Reach.DEVICE),
                Policy.Role.HOST, true);
        assertThat(refusal.isEmpty()).isEqualTo(allowed);
        refusal.ifPresent(r -> assertThat(r).contains("needs " + needed).contains("you have " + granted));
    }

    @ParameterizedTest(name = "role {0}, granted reach {1}, confirm {2} -> allowed={3}")
    @CsvSource({
            "HOST, device, false, false",
            "HOST, device, true, false",
            "HOST, fabric, true, false",
            "FABRIC_MANAGER, device, true, false",
            "FABRIC_MANAGER, fabric, false, false",
            "FABRIC_MANAGER, fabric, true, true" })
    void fabricReachNeedsRoleGrantAndConfirmation(Policy.Role role, String reach, boolean confirm, boolean allowed) {
        var refusal = Gate.refusal("unbind-vppb", need("configuration", "fabric"),
                new Grant(Level.DEBUG_WRITE_FULL, Reach.parse(reach)), role, confirm);
        assertThat(refusal.isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({ "telemetry, false", "configuration, false", "debug-write, true", "debug-write-full, true" })
    void debugWritesNeedConfirmation(String level, boolean needsConfirm) {
        var grant = new Grant(Level.DEBUG_WRITE_FULL, Reach.DEVICE);
        var unconfirmed = Gate.refusal("cmd", need(level, "device"), grant, Policy.Role.HOST, false);
        assertThat(unconfirmed.isPresent()).isEqualTo(needsConfirm);
        unconfirmed.ifPresent(r -> assertThat(r).contains("--confirm"));
        assertThat(Gate.refusal("cmd", need(level, "device"), grant, Policy.Role.HOST, true)).isEmpty();
        assertThat(Gate.taints(Level.parse(level))).isEqualTo(needsConfirm);
    }

    @org.junit.jupiter.api.Test
    void hostRoleRefusalSaysWhy() {
        var refusal = Gate.refusal("bind-vppb", need("configuration", "fabric"),
                new Grant(Level.DEBUG_WRITE_FULL, Reach.FABRIC), Policy.Role.HOST, true);
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains("role is host").contains("fabric-manager"));
    }
}
