package org.yinling.subsidy.rule;

import java.math.BigDecimal;

/** An amount and the condition that selects it; no condition means everyone else who qualifies. */
public record Tier(Criterion condition, BigDecimal amount) {
}
