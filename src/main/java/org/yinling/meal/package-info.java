/**
 * Meal points: the registry of community canteens and meal points, meals recorded at the counter (one per elder,
 * day and meal, with the elder's category of that day), per-meal subsidy rates and monthly settlements, whose
 * confirmed totals it offers to the payment batch as {@link org.yinling.payment.OrganisationPayments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meal points",
        allowedDependencies = {"account", "audit", "elder", "payment", "rate", "region", "subsidy :: rule", "system"})
package org.yinling.meal;
