package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.yinling.subsidy.rule.Frequency;

/** An entitlement as pages show it, with its elder (resident ID masked) and policy name. */
public record EntitlementRow(long id, long elderId, String elderName, String maskedResidentId, long policyId, String policyCode,
                      String policyName, int policyVersion, long applicationId, String communityCode, int tierIndex,
                      BigDecimal amount, Frequency frequency, LocalDate startMonth, LocalDate endMonth,
                      EntitlementStatus status, String stopReason, String recheckReason, Instant recheckSince,
                      long lockVersion) {

    /** The message key of the re-check reason (e.g. {@code application.recheck.reason.NOT_ELIGIBLE}). */
    public String recheckReasonKey() {
        return recheckReason == null ? null : "application.recheck.reason." + recheckReason;
    }
}
