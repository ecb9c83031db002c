/**
 * Payments: monthly payment batches generated exactly once from the active entitlements, approved by a second
 * person, exported for the bank, settled from the bank's receipt; overpayments after a death or move-out are
 * listed for recovery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.yinling.payment;
