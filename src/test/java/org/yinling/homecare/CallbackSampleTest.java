package org.yinling.homecare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The call-back sample size: 95 % confidence, ±10 %, p = 0.5, finite-population correction, at least 5. */
class CallbackSampleTest {

    @ParameterizedTest(name = "N = {0} → n = {1}")
    @CsvSource({
            // 96.04 / (1 + 95.04 / N), rounded up
            "10, 10",        // 9.14 → 10: nearly all of a small month
            "50, 34",        // 33.11
            "100, 50",       // 49.24
            "1000, 88",      // 87.70
            "100000, 96",    // 95.95: close to n0 = 96.04
            "6, 6",          // 5.70 → 6
            "7, 7",          // 6.63
            "30, 24"         // 23.04
    })
    void sizedFor95PercentConfidenceAndTenPercentMarginWithTheFinitePopulationCorrection(int population, int size) {
        assertThat(CallbackSample.size(population)).isEqualTo(size);
        assertThat(size).isEqualTo((int) Math.max(5, Math.ceil(96.04 / (1 + 95.04 / population) - 1e-9)));
    }

    @Test
    void allOrdersWhenFiveOrFewerAndNeverMoreThanThePopulation() {
        for (int n = 0; n <= 5; n++) {
            assertThat(CallbackSample.size(n)).isEqualTo(n);
        }
        for (int n = 6; n < 5000; n++) {
            assertThat(CallbackSample.size(n)).isBetween(5, n);
        }
        assertThat(CallbackSample.size(Integer.MAX_VALUE)).isEqualTo(97);
        assertThatThrownBy(() -> CallbackSample.size(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
