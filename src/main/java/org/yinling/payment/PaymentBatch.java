package org.yinling.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code payment_batch}. */
public record PaymentBatch(long id, String regionCode, LocalDate month, BatchState state, boolean carryFailed,
                           int stepsDone, int stepsTotal, int lineCount, BigDecimal amountTotal,
                           Instant generationStartedAt, Instant generatedAt, String generatedBy,
                           Instant approvedAt, String approvedBy, Instant exportedAt, String exportedBy,
                           Instant settledAt, long lockVersion) {

    public int percentDone() {
        return stepsTotal == 0 ? 0 : Math.min(100, stepsDone * 100 / stepsTotal);
    }

    public boolean discardable() {
        return state == BatchState.GENERATED || state == BatchState.GENERATING;
    }
}
