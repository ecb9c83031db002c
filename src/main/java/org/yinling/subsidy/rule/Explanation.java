package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why an elder does or does not qualify: every criterion with the elder's value and its result, per group, and the
 * tier that applies (index into the policy's tiers, or -1) with its amount.
 */
public record Explanation(List<GroupResult> groups, boolean eligible, int tierIndex, BigDecimal amount) {

    public record GroupResult(Connective connective, List<CriterionResult> criteria, boolean passed) {
    }

    /** Eligible and a tier applies. */
    public boolean qualifies() {
        return eligible && tierIndex >= 0;
    }
}
