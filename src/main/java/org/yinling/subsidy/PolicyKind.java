package org.yinling.subsidy;

/** Kinds of elder subsidy (institution and meal-point subsidies come with those modules). */
public enum PolicyKind {
    /** 高龄津贴 */
    AGE_ALLOWANCE,
    /** 居家养老服务补贴 */
    HOME_CARE_SERVICE,
    /** 经济困难老人服务补贴 */
    HARDSHIP_SERVICE,
    /** 护理补贴 */
    NURSING_CARE,
    /** 助餐补贴 */
    MEAL_ASSISTANCE,
    /** 政府购买养老服务 (seed 000, 002): its entitlements are the government-purchased-service elders */
    PURCHASED_SERVICE;

    public String messageKey() {
        return "subsidy.kind." + name();
    }
}
