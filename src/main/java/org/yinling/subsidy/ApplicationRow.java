package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An application as lists show it: the elder's name with the resident ID masked. {@code clean} and {@code cleanReason}
 * are set for review queues (see {@link ReviewQueue}).
 */
public record ApplicationRow(long id, long elderId, String elderName, String maskedResidentId, String communityCode,
                      String policyCode, String policyName, ApplicationStage stage, ApplicationSource source,
                      BigDecimal amount, LocalDate receivedOn, LocalDate publicityEnds, Instant createdAt,
                      long lockVersion, boolean clean, String cleanReason) {

    ApplicationRow withClean(String reason) {
        return new ApplicationRow(id, elderId, elderName, maskedResidentId, communityCode, policyCode, policyName, stage,
                source, amount, receivedOn, publicityEnds, createdAt, lockVersion, reason == null, reason);
    }
}
