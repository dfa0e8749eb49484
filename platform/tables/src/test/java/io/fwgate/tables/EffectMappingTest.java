package io.fwgate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;

class EffectMappingTest {
    @Test
    void noEffectsIsTelemetry() {
        assertThat(EffectMapping.levelOf(Set.of())).isEqualTo(Level.TELEMETRY);
        assertThat(EffectMapping.reachOf(Set.of())).isEqualTo(Reach.DEVICE);
    }

    @ParameterizedTest
    @EnumSource(value = Effect.class, names = { "CONFIG_CHANGE_COLD_RESET", "CONFIG_CHANGE_IMMEDIATE",
            "POLICY_CHANGE_IMMEDIATE", "LOG_CHANGE_IMMEDIATE", "CONFIG_CHANGE_CONVENTIONAL_RESET",
            "CONFIG_CHANGE_CXL_RESET", "NAMESPACE_CAPABILITY_CHANGE", "NAMESPACE_INVENTORY_CHANGE",
            "CONTROLLER_CAPABILITY_CHANGE" })
    void logPolicyAndConfigurationChangesNeedConfiguration(Effect effect) {
        assertThat(EffectMapping.levelOf(Set.of(effect))).isEqualTo(Level.CONFIGURATION);
    }

    @ParameterizedTest
    @EnumSource(value = Effect.class, names = { "DATA_CHANGE_IMMEDIATE", "SECURITY_STATE_CHANGE",
            "LOGICAL_BLOCK_CONTENT_CHANGE" })
    void dataAndSecurityChangesNeedDebugWriteFull(Effect effect) {
        assertThat(EffectMapping.levelOf(Set.of(effect))).isEqualTo(Level.DEBUG_WRITE_FULL);
    }

    @ParameterizedTest
    @EnumSource(value = Effect.class, names = { "BACKGROUND_OPERATION", "BACKGROUND_ABORT_SUPPORTED",
            "SECONDARY_MAILBOX_SUPPORTED", "EFFECTS_VALID", "COMMAND_SUPPORTED", "AFFECTS_OTHER_HOSTS" })
    void capabilityBitsAndBackgroundDoNotRaiseTheLevel(Effect effect) {
        assertThat(EffectMapping.levelOf(Set.of(effect))).isEqualTo(Level.TELEMETRY);
    }

    @Test
    void theStrictestEffectWinsAndOtherHostsMeansFabric() {
        Set<Effect> sanitize = EnumSet.of(Effect.DATA_CHANGE_IMMEDIATE, Effect.BACKGROUND_OPERATION,
                Effect.LOG_CHANGE_IMMEDIATE);
        assertThat(EffectMapping.levelOf(sanitize)).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(EffectMapping.reachOf(Set.of(Effect.AFFECTS_OTHER_HOSTS, Effect.CONFIG_CHANGE_IMMEDIATE)))
                .isEqualTo(Reach.FABRIC);
    }
}
