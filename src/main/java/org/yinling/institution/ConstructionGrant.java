package org.yinling.institution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.yinling.subsidy.ApplicationStage;

/** A construction-subsidy application of one institution, at a stage of the review chain. */
public record ConstructionGrant(long id, long institutionId, String institutionName, String communityCode, int newBeds,
                                GrantTier tier, BigDecimal rate, BigDecimal amount, ApplicationStage stage,
                                String notes, LocalDate approvedOn, LocalDate publicityEnds, Instant createdAt,
                                String createdBy, long lockVersion) {
}
