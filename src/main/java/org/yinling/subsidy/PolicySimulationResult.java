package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.yinling.subsidy.rule.Frequency;

/**
 * What a changed rule would do, compared with the rule in force, on a day: per street of the region counted and in
 * total, how many elders qualify and what it costs (a month for a monthly policy, once for a one-time one); per
 * tier, how many fall in it. {@code scopePrefix} is the region prefix counted.
 */
public record PolicySimulationResult(LocalDate on, String scopePrefix, Frequency frequency, List<StreetRow> streets,
                                     StreetRow total, List<TierRow> tiers) {

    /** A year of a monthly policy is twelve payments; a one-time policy is paid once. */
    static int paymentsPerYear(Frequency frequency) {
        return frequency == Frequency.MONTHLY ? 12 : 1;
    }

    public boolean monthly() {
        return frequency == Frequency.MONTHLY;
    }

    /** The 12-digit code of the region counted ({@code ""} for everything). */
    public String regionCode() {
        return scopePrefix.isEmpty() ? "" : scopePrefix + "0".repeat(12 - scopePrefix.length());
    }

    /**
     * One street (or the total, with a null code): elders qualifying and their cost per payment, now and under the
     * changed rule, and the difference over a year (monthly) or of the one payment (one-time).
     */
    public record StreetRow(String code, long before, long after, BigDecimal costBefore, BigDecimal costAfter,
                            BigDecimal yearlyCostDifference) {

        public long difference() {
            return after - before;
        }

        public BigDecimal costDifference() {
            return costAfter.subtract(costBefore);
        }
    }

    /** One tier position: its amount and count under the rule in force and under the changed one (null: no tier). */
    public record TierRow(int index, BigDecimal amountBefore, long before, BigDecimal amountAfter, long after) {

        public long difference() {
            return after - before;
        }
    }
}
