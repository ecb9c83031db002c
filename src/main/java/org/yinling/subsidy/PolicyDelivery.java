package org.yinling.subsidy;

/**
 * How a policy delivers what it grants: {@link #CASH} paid into the elder's account by the monthly payment batch, or
 * {@link #SERVICE_BUDGET} a monthly budget of home-care services (the tier's amount in yuan), of which the government
 * pays its share and the elder the rest; a service-budget entitlement is never paid in cash.
 */
public enum PolicyDelivery {
    /** 现金发放 */
    CASH,
    /** 服务额度 */
    SERVICE_BUDGET;

    public String messageKey() {
        return "subsidy.delivery." + name();
    }
}
