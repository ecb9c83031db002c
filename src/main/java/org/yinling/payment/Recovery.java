package org.yinling.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An overpayment to recover: a PAID line for a month after the elder died or moved out. */
public record Recovery(long id, long elderId, String elderName, String maskedResidentId, String communityCode,
                       LocalDate month, BigDecimal amount, String reason, LocalDate statusDate, String state,
                       Instant createdAt) {

    public String reasonKey() {
        return "payment.recovery.reason." + reason;
    }

    public String stateKey() {
        return "payment.recovery.state." + state;
    }
}
