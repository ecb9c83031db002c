/**
 * Care institutions: the registry of institutions with the medical-arrangement rule of seed 002, their beds, and
 * the stays (admission, transfer, discharge) of registered elders, with the 30 % of a public-built-private-run home
 * kept for 特困 elders (seed 003). Owns the operating-subsidy rule (seed 004) and the construction grants, and offers
 * their lines to the payment batch as {@link org.yinling.payment.OrganisationPayments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institutions",
        allowedDependencies = {"account", "audit", "elder", "payment", "rate", "region", "subsidy", "system"})
package org.yinling.institution;
