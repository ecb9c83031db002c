package org.yinling.dashboard;

import java.math.BigDecimal;

/**
 * One indicator of one region: its value (null when the denominator is zero), the counts it comes from, the target
 * that applies, the gap (target − value, positive when short) and the traffic light.
 */
public record IndicatorValue(Indicator indicator, BigDecimal value, long numerator, long denominator, BigDecimal target,
                      BigDecimal gap, TargetStatus status) {

    /** How far from the target, as a share of it: 0 when met, 1 when nothing; for ordering the worst first. */
    public double shortfall() {
        if (target == null || value == null || target.signum() == 0) {
            return -1;
        }
        return Math.max(0, gap.doubleValue() / target.doubleValue());
    }

    public boolean people() {
        return indicator.unit() == Indicator.Unit.PEOPLE;
    }
}
