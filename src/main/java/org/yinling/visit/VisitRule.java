package org.yinling.visit;

import java.time.LocalDate;

import org.yinling.subsidy.rule.Eligibility;

/**
 * A roster rule (tier null) or a tier rule (tier HIGH or MEDIUM; homeOnly unused), with its criteria.
 *
 * @param regionCode null for every region (a system default)
 */
record VisitRule(long id, String regionCode, String regionName, String name, Eligibility criteria, boolean homeOnly,
                 RiskTier tier, LocalDate effectiveFrom, LocalDate effectiveTo, long lockVersion) {

    boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !effectiveTo.isBefore(day));
    }

    public boolean ended(LocalDate day) {
        return effectiveTo != null && effectiveTo.isBefore(day);
    }

    /** The LIKE prefix of the communities the rule applies to ('' for every region). */
    String communityPrefix() {
        return VisitRuleStore.prefixOf(regionCode);
    }
}
