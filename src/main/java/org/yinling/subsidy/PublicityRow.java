package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of the publicity notice (公示名单): the resident ID is always masked. */
public record PublicityRow(long id, String elderName, String maskedResidentId, String communityCode, String policyCode,
                    String policyName, BigDecimal amount, LocalDate approvedOn, LocalDate publicityEnds) {
}
