package io.fwgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentilesAreMeasuredValuesByNearestRank() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();

        Stats stats = Stats.of(oneToHundred);

        assertThat(stats).isEqualTo(new Stats(100, 1, 50, 99, 100));
        assertThat(oneToHundred[0]).as("the caller's array is not sorted in place").isEqualTo(100);
    }

    @Test
    void aSmallSampleHasItsLargestValueAsP99() {
        assertThat(Stats.of(3, 1, 2)).isEqualTo(new Stats(3, 1, 2, 3, 3));
        assertThat(Stats.of(7)).isEqualTo(new Stats(1, 7, 7, 7, 7));
    }

    @Test
    void nanosecondsAreConvertedToTheNamedUnit() {
        assertThat(Stats.millisOf(2_000_000, 4_000_000).max()).isEqualTo(4.0);
        assertThat(Stats.microsOf(1_500).p50()).isEqualTo(1.5);
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThatThrownBy(() -> Stats.of()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no values");
    }
}
