package org.yinling.elder;

/** Economic status: 特困 (extreme poverty, the "三无" elders), 低保, 低保边缘, 低收入, or none. */
public enum EconomicStatus {
    EXTREME_POVERTY, MINIMUM_LIVING, MARGINAL, LOW_INCOME, NONE;

    public String messageKey() {
        return "elder.economicStatus." + name();
    }
}
