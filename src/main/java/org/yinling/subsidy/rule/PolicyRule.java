package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.util.List;

/**
 * A policy's rule: who qualifies, and how much. The first tier whose condition matches wins; an elder who meets
 * the eligibility but no tier does not qualify. A fixed amount is a single tier without a condition.
 * Stored as JSON in {@code subsidy_policy.rule}.
 */
public record PolicyRule(Eligibility eligibility, List<Tier> tiers) {

    public PolicyRule {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public static PolicyRule fixed(Eligibility eligibility, BigDecimal amount) {
        return new PolicyRule(eligibility, List.of(new Tier(null, amount)));
    }

    /** A single tier without a condition. */
    public boolean fixedAmount() {
        return tiers.size() == 1 && tiers.get(0).condition() == null;
    }
}
