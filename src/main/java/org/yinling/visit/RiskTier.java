package org.yinling.visit;

/** Risk tier of a rostered elder: high (weekly), medium (monthly), low (quarterly) by default. */
public enum RiskTier {
    HIGH, MEDIUM, LOW;

    /** Higher is riskier: HIGH 3, MEDIUM 2, LOW 1. */
    int rank() {
        return 3 - ordinal();
    }

    public String messageKey() {
        return "visit.tier." + name();
    }
}
