package org.yinling.institution;

import java.time.LocalDate;

/** A stay for an elder's page: where, which bed, from when to when. */
public record StayRow(long id, long institutionId, String institutionName, String room, String label,
                      LocalDate admittedOn, LocalDate endedOn, String endReason, boolean endedByTransfer, Payer payer,
                      String contractNumber) {
}
