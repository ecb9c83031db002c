/**
 * Home care (居家上门服务): providers under contract and the communities they serve, a service catalogue priced per
 * region with effective dates, monthly service budgets opened by service-budget policies, service plans, work orders
 * with proof of each visit, call-backs on a random sample, and provider settlements that the monthly payment batch
 * pays through {@link org.yinling.payment.OrganisationPayments}. Provider managers and care workers are scoped by
 * their provider in this module's stores, as region staff are by their region. See docs/home-care.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home care",
        allowedDependencies = {"account", "audit", "elder", "payment", "region", "subsidy", "subsidy :: rule", "system"})
package org.yinling.homecare;
