package org.yinling.visit;

import java.time.LocalDate;

/** How often a tier is visited in a region from a date (see {@code visit_frequency}). */
record VisitFrequency(long id, String regionCode, String regionName, RiskTier tier, IntervalUnit unit, int count,
                      Integer eventHours, int retryDays, LocalDate effectiveFrom) {
}
