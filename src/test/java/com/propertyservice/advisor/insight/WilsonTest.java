package com.propertyservice.advisor.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson's 95 % interval against figures worked by hand (z = 1.96, z² = 3.8415). */
class WilsonTest {

    @Test
    void threeSatisfiedOwnersOutOfThreeAreFarFromProof() {
        // centre (1 + 3.8415/6) / (1 + 3.8415/3) = 1.6403 / 2.2805 = 0.7193;
        // half 1.96 / 2.2805 · √(3.8415/36) = 0.8595 · 0.3267 = 0.2808 → [0.439, 1]
        InsightReport.Interval interval = Wilson.interval(3, 3);
        assertThat(interval.low()).isCloseTo(0.4385, within(0.0005));
        assertThat(interval.high()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void eightOutOfTen() {
        // centre (0.8 + 0.1921) / 1.3842 = 0.7167; half 1.96 / 1.3842 · √(0.016 + 0.0096) = 1.4160 · 0.1600 = 0.2266
        InsightReport.Interval interval = Wilson.interval(8, 10);
        assertThat(interval.low()).isCloseTo(0.4902, within(0.0005));
        assertThat(interval.high()).isCloseTo(0.9433, within(0.0005));
    }

    @Test
    void noneOutOfFiveStillAllowsUpToFortyThreePercent() {
        // centre 0.3842 / 1.7683 = 0.2172 = half → [0, 0.4345]
        InsightReport.Interval interval = Wilson.interval(0, 5);
        assertThat(interval.low()).isCloseTo(0.0, within(1e-9));
        assertThat(interval.high()).isCloseTo(0.4345, within(0.0005));
    }

    @Test
    void moreCasesNarrowTheIntervalAroundTheSameShare() {
        InsightReport.Interval few = Wilson.interval(8, 10);
        InsightReport.Interval many = Wilson.interval(800, 1000);
        assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 5);
        assertThat(many.low()).isLessThan(0.8);
        assertThat(many.high()).isGreaterThan(0.8);
    }

    @Test
    void anEmptyGroupOrMoreSuccessesThanCasesIsRefused() {
        assertThatThrownBy(() -> Wilson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
