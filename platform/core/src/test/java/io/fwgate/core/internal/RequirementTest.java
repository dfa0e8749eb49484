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
    private static final DeviceEffects NONE = DeviceEffects.none("test");

    /** A CEL listing opcodes 4200h (with the given effects) and 4000h (none). */
    private static DeviceEffects cel(Set<Effect> effectsOf4200) {
        return new DeviceEffects(java.util.Map.of(0x4200, effectsOf4200, 0x4000, Set.of()), "test", false);
    }

    private static CommandSpec spec(Level level, Effect... effects) {
        return new CommandSpec("c", 0x4200, "", Set.of(effects), level, null, null);
    }

    @Test
    void declaredLevelAloneDecidesWhenNothingIsStricter() {
        Requirement r = Requirement.of(spec(Level.CONFIGURATION), cel(Set.of()));
        assertThat(r.level()).isEqualTo(Level.CONFIGURATION);
        assertThat(r.reach()).isEqualTo(Reach.DEVICE);
    }

    @Test
    void declaredEffectsRaiseADeclaredLevelThatIsTooLow() {
        Requirement r = Requirement.of(spec(Level.TELEMETRY, Effect.LOG_CHANGE_IMMEDIATE), NONE);
        assertThat(r.level()).isEqualTo(Level.CONFIGURATION);
        assertThat(r.why()).contains("declared effects");
    }

    @Test
    void deviceReportedEffectsWinOverAVendorClaimingTelemetry() {
        Requirement r = Requirement.of(spec(Level.TELEMETRY),
                cel(Set.of(Effect.DATA_CHANGE_IMMEDIATE, Effect.BACKGROUND_OPERATION)));
        assertThat(r.level()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(r.why()).contains("device reports").contains("data-change-immediate");
    }

    @Test
    void affectsOtherHostsNeedsFabricReach() {
        assertThat(Requirement.of(spec(Level.CONFIGURATION, Effect.AFFECTS_OTHER_HOSTS), NONE).reach())
                .isEqualTo(Reach.FABRIC);
    }

    @Test
    void rawOpcodeUsesTheDevicesEffectsOrNeedsTheHighestLevel() {
        assertThat(Requirement.raw(0x4200, cel(Set.of())).level()).isEqualTo(Level.TELEMETRY);
        assertThat(Requirement.raw(0x4200, cel(Set.of(Effect.CONFIG_CHANGE_IMMEDIATE))).level())
                .isEqualTo(Level.CONFIGURATION);
        assertThat(Requirement.raw(0x4300, cel(Set.of())).level()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(Requirement.raw(0xc000, NONE).level()).isEqualTo(Level.DEBUG_WRITE_FULL);
    }

    @Test
    void nvmeCommandsWithoutCsuppAreNotCallable() {
        byte[] log = new byte[4096];
        log[0x06 * 4] = 0x01; // Identify: CSUPP
        log[0x80 * 4] = 0x03; // Format NVM: CSUPP + LBCC
        log[0x84 * 4] = 0x02; // Sanitize listed with LBCC but without CSUPP
        DeviceEffects nvme = NvmeEffectsReader.parse(log);
        CommandSpec format = new CommandSpec("format-nvm", 0x80, "", Set.of(), Level.CONFIGURATION, null, null);
        assertThat(Requirement.of(format, nvme).level()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(Requirement.of(format, nvme).unsupported()).isFalse();
        CommandSpec sanitize = new CommandSpec("sanitize", 0x84, "", Set.of(), Level.DEBUG_WRITE_FULL, null, null);
        assertThat(Requirement.of(sanitize, nvme).unsupported()).isTrue();
        assertThat(Requirement.raw(0x09, nvme).unsupported()).isTrue();
        assertThat(Gate.refusal("sanitize", Requirement.of(sanitize, nvme),
                new Grant(Level.DEBUG_WRITE_FULL, io.fwgate.api.Reach.DEVICE), Policy.Role.HOST, true))
                .hasValueSatisfying(r -> assertThat(r).contains("CSUPP"));
    }
}
