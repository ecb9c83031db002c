package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.yinling.subsidy.rule.Criterion;

/**
 * How many elders qualify for a policy on a day, per tier, and what that costs: a month for a monthly policy, in
 * total for a one-time one. {@code scopePrefix} is the region prefix counted.
 */
public record PolicyPreview(LocalDate on, String scopePrefix, List<Row> rows, long elders, BigDecimal cost) {

    /** The 12-digit code of the region counted ({@code ""} for everything). */
    public String regionCode() {
        return scopePrefix.isEmpty() ? "" : scopePrefix + "0".repeat(12 - scopePrefix.length());
    }

    public record Row(int index, Criterion condition, BigDecimal amount, long elders, BigDecimal cost) {
    }
}
