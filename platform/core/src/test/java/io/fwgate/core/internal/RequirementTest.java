package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fwgate.api.Effect;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.tables.CommandSpec;

class RequirementTest {

    private static CommandSpec spec(Level level, Effect... effects) {
        return new CommandSpec("c", 0x4200, "", Set.of(effects), level, null, null);
    }

    @Test
    void declaredLevelAloneDecidesWhenNothingIsStricter() {
        Requirement r = Requirement.of(spec(Level.CONFIGURATION), Optional.of(Set.of()));
        assertThat(r.level()).isEqualTo(Level.CONFIGURATION);
        assertThat(r.reach()).isEqualTo(Reach.DEVICE);
    }

    @Test
    void declaredEffectsRaiseADeclaredLevelThatIsTooLow() {
        Requirement r = Requirement.of(spec(Level.TELEMETRY, Effect.LOG_CHANGE_IMMEDIATE), Optional.empty());
        assertThat(r.level()).isEqualTo(Level.CONFIGURATION);
        assertThat(r.why()).contains("declared effects");
    }

    @Test
    void deviceReportedEffectsWinOverAVendorClaimingTelemetry() {
        Requirement r = Requirement.of(spec(Level.TELEMETRY),
                Optional.of(Set.of(Effect.DATA_CHANGE_IMMEDIATE, Effect.BACKGROUND_OPERATION)));
        assertThat(r.level()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(r.why()).contains("device reports").contains("data-change-immediate");
    }

    @Test
    void affectsOtherHostsNeedsFabricReach() {
        assertThat(Requirement.of(spec(Level.CONFIGURATION, Effect.AFFECTS_OTHER_HOSTS), Optional.empty()).reach())
                .isEqualTo(Reach.FABRIC);
    }

    @Test
    void rawOpcodeUsesTheDevicesEffectsOrNeedsTheHighestLevel() {
        assertThat(Requirement.raw(Optional.of(Set.of())).level()).isEqualTo(Level.TELEMETRY);
        assertThat(Requirement.raw(Optional.of(Set.of(Effect.CONFIG_CHANGE_IMMEDIATE))).level())
                .isEqualTo(Level.CONFIGURATION);
        assertThat(Requirement.raw(Optional.empty()).level()).isEqualTo(Level.DEBUG_WRITE_FULL);
    }
}
