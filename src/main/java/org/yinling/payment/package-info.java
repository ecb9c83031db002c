/**
 * Payments: monthly payment batches generated exactly once from the active entitlements, approved by a second
 * person, exported for the bank, settled from the bank's receipt; overpayments after a death or move-out are
 * listed for recovery. Lines paid to organisations come from the modules that own their rules, each through an
 * {@link org.yinling.payment.OrganisationPayments} bean; payment never reads those modules' tables for them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments",
        allowedDependencies = {"account", "audit", "elder", "region", "subsidy", "subsidy :: rule", "system"})
package org.yinling.payment;
