package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget arithmetic: total, used, left, the elder's share, whether a value fits. */
class ServiceBudgetTest {

    private static ServiceBudget budget(String amount, String carried, String share, String used) {
        return new ServiceBudget(1, 2, LocalDate.of(2026, 12, 1), new BigDecimal(amount), new BigDecimal(carried),
                new BigDecimal(share), null, new BigDecimal(used));
    }

    @Test
    void leftIsTheAmountAndWhatWasCarriedOverLessWhatIsUsed() {
        ServiceBudget budget = budget("160", "40", "1.00", "120");
        assertThat(budget.total()).isEqualByComparingTo("200");
        assertThat(budget.left()).isEqualByComparingTo("80");
        assertThat(budget.usedPercent()).isEqualTo(60);
    }

    @Test
    void leftIsNeverNegativeWhenMoreWasUsedThanTheBudget() {
        assertThat(budget("160", "0", "1.00", "175.50").left()).isEqualByComparingTo("0");
    }

    @Test
    void aValueFitsUpToExactlyWhatIsLeft() {
        ServiceBudget budget = budget("160", "0", "1.00", "120");
        assertThat(budget.fits(new BigDecimal("40.00"))).isTrue();
        assertThat(budget.fits(new BigDecimal("40.01"))).isFalse();
        assertThat(budget.planFits(new BigDecimal("160"))).isTrue();
        assertThat(budget.planFits(new BigDecimal("160.01"))).isFalse();
    }

    @Test
    void theElderPaysNothingOfAFullBudgetAndHalfOfAHalfOne() {
        assertThat(budget("160", "0", "1.00", "0").elderShare(new BigDecimal("45"))).isEqualByComparingTo("0");
        ServiceBudget half = budget("160", "0", "0.50", "0");
        assertThat(half.elderShare(new BigDecimal("45"))).isEqualByComparingTo("22.50");
        assertThat(half.governmentPart(new BigDecimal("45"))).isEqualByComparingTo("22.50");
        // an odd cent: the government's half is rounded, the elder pays the rest, together the whole value
        assertThat(half.governmentPart(new BigDecimal("0.05")).add(half.elderShare(new BigDecimal("0.05"))))
                .isEqualByComparingTo("0.05");
    }

    @Test
    void anEmptyBudgetIsZeroPercentUsedAndAnEndedOneTakesNoOrderFromItsEnd() {
        ServiceBudget empty = budget("0", "0", "1.00", "0");
        assertThat(empty.usedPercent()).isZero();
        ServiceBudget ended = new ServiceBudget(1, 2, LocalDate.of(2026, 12, 1), new BigDecimal("160"),
                BigDecimal.ZERO, BigDecimal.ONE, LocalDate.of(2026, 12, 10), BigDecimal.ZERO);
        assertThat(ended.endedBefore(LocalDate.of(2026, 12, 9))).isFalse();
        assertThat(ended.endedBefore(LocalDate.of(2026, 12, 10))).isTrue();
    }
}
