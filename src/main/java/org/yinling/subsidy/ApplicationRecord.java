package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code subsidy_application}. */
public record ApplicationRecord(long id, long elderId, long policyId, String policyCode, String communityCode,
                         ApplicationStage stage, ApplicationSource source, Integer tierIndex, BigDecimal amount,
                         LocalDate receivedOn, String payeeBank, String payeeAccount, String notes,
                         LocalDate approvedOn, LocalDate publicityEnds, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy, long lockVersion) {

    public boolean open() {
        return ApplicationStages.OPEN.contains(stage);
    }
}
