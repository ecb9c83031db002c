package org.yinling.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.PolicyRule;

/** One version of a subsidy policy (a row of {@code subsidy_policy}). */
public record Policy(long id, String code, int version, String name, PolicyKind kind, String regionCode,
                     LocalDate effectiveFrom, LocalDate effectiveTo, Frequency frequency, boolean automatic,
                     int backPayMonths, PolicyRule rule, PolicyStatus status, String notes, boolean demo,
                     Instant publishedAt, String publishedBy, Instant createdAt, String createdBy,
                     Instant updatedAt, String updatedBy, long lockVersion) {

    /** In force on {@code day}: published and within its effective dates. */
    public boolean inForceOn(LocalDate day) {
        return status == PolicyStatus.PUBLISHED && !day.isBefore(effectiveFrom)
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
