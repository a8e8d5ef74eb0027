package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void pValueMatchesTabulatedCriticalValues() {
        // Standard table: P(chi2 > 7.815 | 3 dof) = 0.05, P(chi2 > 154.302 | 127 dof) ~ 0.05, P(chi2 > 6.635 | 1) = 0.01.
        assertThat(ChiSquare.upperRegularizedGamma(1.5, 7.815 / 2)).isCloseTo(0.05, within(1e-4));
        assertThat(ChiSquare.upperRegularizedGamma(63.5, 154.302 / 2)).isCloseTo(0.05, within(1e-3));
        assertThat(ChiSquare.upperRegularizedGamma(0.5, 6.635 / 2)).isCloseTo(0.01, within(1e-4));
    }

    @Test
    void perfectFitHasStatisticZeroAndPValueOne() {
        ChiSquare c = ChiSquare.test(new long[] {25, 25, 25, 25}, new double[] {25, 25, 25, 25});
        assertThat(c.statistic()).isZero();
        assertThat(c.degreesOfFreedom()).isEqualTo(3);
        assertThat(c.pValue()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void cellsExpectingNothingAreLeftOut() {
        ChiSquare c = ChiSquare.test(new long[] {10, 0, 30}, new double[] {20, 0, 20});
        assertThat(c.statistic()).isCloseTo(10.0, within(1e-12));
        assertThat(c.degreesOfFreedom()).isEqualTo(1);
    }
}
