package org.yinling.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A rostered elder (the latest roster row in the user's scope) as the visit pages show them. */
record ElderVisitContext(long elderId, String name, String residentId, String phone, String address,
                         String communityCode, String communityName, String lifeStatus, LocalDate lifeStatusDate,
                         long rosterId, LocalDate rosteredOn, LocalDate leftOn, String leftReason, RiskTier tier,
                         RiskTier ruleTier, RiskTier raisedTier, String ruleName, Long visitorId, String visitorName,
                         OffsetDateTime lastVisitAt, LocalDate retryOn, OffsetDateTime eventAt) {

    public boolean onRoster() {
        return leftOn == null;
    }

    public boolean deceased() {
        return "DECEASED".equals(lifeStatus);
    }

    public boolean movedOut() {
        return "MOVED_OUT".equals(lifeStatus);
    }

    public String leftReasonKey() {
        return leftReason == null ? null : "visit.left." + leftReason;
    }
}
