package io.fwgate.emulator.internal;

import static io.fwgate.emulator.internal.Nvme.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmeFeaturesTest {
    private static final int ARBITRATION = 0x01;
    private static final int POWER = 0x02;
    private static final int TEMPERATURE = 0x04;
    private static final int WRITE_CACHE = 0x06;
    private static final int QUEUES = 0x07;
    private static final int CURRENT = 0;
    private static final int DEFAULT = 1;
    private static final int SAVED = 2;
    private static final int CAPABILITIES = 3;
    private static final long SAVE = 1L << 31;
    /** Temperature Threshold dword: TMPTH bits 15:0, TMPSEL bits 19:16, THSEL bits 21:20. */
    private static final long UNDER = 1L << 20;
    private static final long SENSOR_1 = 1L << 16;

    private final Nvme.Rig rig = new Nvme.Rig();

    private NvmeAnswer set(int fid, long value) {
        return rig.call(Nvme.SET_FEATURES, 0, fid, value);
    }

    @Test
    void defaultsAreReadInDwordZero() {
        assertThat(rig.getFeature(ARBITRATION, CURRENT, 0)).isZero();
        assertThat(rig.getFeature(POWER, CURRENT, 0)).isZero();
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, 0)).isEqualTo(343); // WCTEMP
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, UNDER)).isEqualTo(UNDER);
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, SENSOR_1)).isEqualTo(SENSOR_1 | 343);
        assertThat(rig.getFeature(WRITE_CACHE, CURRENT, 0)).isEqualTo(1);
        assertThat(rig.getFeature(QUEUES, CURRENT, 0)).isEqualTo(0x003f_003fL);
    }

    @Test
    void setChangesTheCurrentValueAndNotTheDefault() {
        assertThat(set(ARBITRATION, 0x0302_0103L).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(set(POWER, 0b010_00010).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(set(WRITE_CACHE, 0).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.getFeature(ARBITRATION, CURRENT, 0)).isEqualTo(0x0302_0103L);
        assertThat(rig.getFeature(POWER, CURRENT, 0)).isEqualTo(0b010_00010);
        assertThat(rig.getFeature(WRITE_CACHE, CURRENT, 0)).isZero();
        assertThat(rig.getFeature(WRITE_CACHE, DEFAULT, 0)).isEqualTo(1);
        assertThat(rig.getFeature(ARBITRATION, DEFAULT, 0)).isZero();
    }

    @Test
    void saveableFeaturesKeepASavedValue() {
        assertThat(rig.getFeature(WRITE_CACHE, SAVED, 0)).isEqualTo(1);
        assertThat(rig.call(Nvme.SET_FEATURES, 0, WRITE_CACHE | SAVE, 0).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(set(WRITE_CACHE, 1).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.getFeature(WRITE_CACHE, SAVED, 0)).isZero();
        assertThat(rig.getFeature(WRITE_CACHE, CURRENT, 0)).isEqualTo(1);
    }

    @Test
    void saveOnAFeatureThatCannotBeSavedIsRefusedAndChangesNothing() {
        assertStatus(rig.call(Nvme.SET_FEATURES, 0, ARBITRATION | SAVE, 7), Nvme.FEATURE_NOT_SAVEABLE);
        assertStatus(rig.call(Nvme.SET_FEATURES, 0, POWER | SAVE, 1), Nvme.FEATURE_NOT_SAVEABLE);
        assertThat(rig.getFeature(ARBITRATION, CURRENT, 0)).isZero();
        assertThat(rig.getFeature(POWER, CURRENT, 0)).isZero();
    }

    @Test
    void supportedCapabilitiesSaySaveableAndChangeable() {
        assertThat(rig.getFeature(TEMPERATURE, CAPABILITIES, 0)).isEqualTo(0b101);
        assertThat(rig.getFeature(WRITE_CACHE, CAPABILITIES, 0)).isEqualTo(0b101);
        assertThat(rig.getFeature(ARBITRATION, CAPABILITIES, 0)).isEqualTo(0b100);
        assertThat(rig.getFeature(QUEUES, CAPABILITIES, 0)).isEqualTo(0b100);
    }

    @Test
    void temperatureThresholdsArePerSensorAndKind() {
        assertThat(set(TEMPERATURE, UNDER | 273).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(set(TEMPERATURE, 0xfL << 16 | 350).status()).isEqualTo(NvmeStatus.SUCCESS);

        assertThat(rig.getFeature(TEMPERATURE, CURRENT, UNDER)).isEqualTo(UNDER | 273);
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, 0)).isEqualTo(350);
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, SENSOR_1)).isEqualTo(SENSOR_1 | 350);
        assertThat(rig.getFeature(TEMPERATURE, CURRENT, SENSOR_1 | UNDER)).isEqualTo(SENSOR_1 | UNDER);
    }

    @Test
    void aThresholdBelowTheTemperatureRaisesTheSmartCriticalWarning() {
        assertThat(set(TEMPERATURE, SENSOR_1 | 300).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.logPage(0x02, 4)[0]).isEqualTo((byte) 0b10);

        assertThat(set(TEMPERATURE, SENSOR_1 | 343).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.logPage(0x02, 4)[0]).isZero();
        assertThat(set(TEMPERATURE, UNDER | 320).status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(rig.logPage(0x02, 4)[0]).isEqualTo((byte) 0b10);
    }

    @Test
    void numberOfQueuesAnswersTheAllocationWhateverIsAsked() {
        NvmeAnswer answer = set(QUEUES, 3 | 3 << 16);
        assertThat(answer.status()).isEqualTo(NvmeStatus.SUCCESS);
        assertThat(answer.result()).isEqualTo(0x003f_003fL);
        assertStatus(set(QUEUES, 0xffff), Nvme.INVALID_FIELD);
        assertStatus(set(QUEUES, 0xffffL << 16), Nvme.INVALID_FIELD);
    }

    @Test
    void unknownFeaturesAndSelectionsAreInvalidFields() {
        for (int fid : new int[] {0x00, 0x03, 0x05, 0x08, 0x0e, 0x80, 0xc0}) {
            assertStatus(rig.call(Nvme.GET_FEATURES, 0, fid), Nvme.INVALID_FIELD);
            assertStatus(set(fid, 0), Nvme.INVALID_FIELD);
        }
        assertStatus(rig.call(Nvme.GET_FEATURES, 0, ARBITRATION | 4 << 8), Nvme.INVALID_FIELD);
    }

    @Test
    void valuesOutsideTheFeaturesRangeAreInvalidFields() {
        assertStatus(set(ARBITRATION, 0x08), Nvme.INVALID_FIELD); // reserved bit 3
        assertStatus(set(POWER, 3), Nvme.INVALID_FIELD); // above NPSS
        assertStatus(set(POWER, 3 << 5), Nvme.INVALID_FIELD); // reserved workload hint
        assertStatus(set(WRITE_CACHE, 2), Nvme.INVALID_FIELD);
        assertStatus(set(TEMPERATURE, 2L << 16 | 300), Nvme.INVALID_FIELD); // sensor 2 not implemented
        assertStatus(set(TEMPERATURE, 2L << 20 | 300), Nvme.INVALID_FIELD); // reserved THSEL
        assertStatus(rig.call(Nvme.GET_FEATURES, 0, TEMPERATURE, 0xfL << 16), Nvme.INVALID_FIELD); // all: set only
        assertThat(rig.getFeature(POWER, CURRENT, 0)).isZero();
    }

    @Test
    void aFeatureForOneNamespaceIsRefused() {
        assertStatus(rig.call(Nvme.SET_FEATURES, 1, WRITE_CACHE, 0), Nvme.FEATURE_NOT_NAMESPACE_SPECIFIC);
        assertThat(rig.call(Nvme.SET_FEATURES, Nvme.ALL, WRITE_CACHE, 0).status()).isEqualTo(NvmeStatus.SUCCESS);
    }
}
