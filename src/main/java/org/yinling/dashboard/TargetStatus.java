package org.yinling.dashboard;

import java.math.BigDecimal;

/** Green: target met; amber: within 10 % of it; red: further off; none: no target or no value. */
public enum TargetStatus {
    GREEN, AMBER, RED, NONE;

    private static final BigDecimal AMBER_SHARE = new BigDecimal("0.9");

    static TargetStatus of(BigDecimal value, BigDecimal target) {
        if (value == null || target == null) {
            return NONE;
        }
        if (value.compareTo(target) >= 0) {
            return GREEN;
        }
        return value.compareTo(target.multiply(AMBER_SHARE)) >= 0 ? AMBER : RED;
    }

    public String messageKey() {
        return "indicator.status." + name();
    }

    public String cssClass() {
        return switch (this) {
            case GREEN -> "text-bg-success";
            case AMBER -> "text-bg-warning";
            case RED -> "text-bg-danger";
            case NONE -> "text-bg-light";
        };
    }
}
