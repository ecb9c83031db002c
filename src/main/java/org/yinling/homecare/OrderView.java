package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One work order with the names of its elder, item, provider and worker, as the detail pages show it. */
record OrderView(long id, long elderId, String elderName, String elderPhone, String elderAddress, String elderResidentId,
                 String communityCode, LocalDate month, long itemId, String itemName, int standardMinutes,
                 BigDecimal requiredShare, Long providerId, String providerName, Long workerId, String workerName,
                 LocalDateTime scheduledAt, OrderState state, BigDecimal unitPrice, BigDecimal quantity,
                 BigDecimal amount, BigDecimal governmentShare, boolean adHoc, String serviceNotes,
                 LocalDateTime checkInAt, BigDecimal checkInLatitude, BigDecimal checkInLongitude,
                 Integer checkInDistance, LocalDateTime checkOutAt, String workDone, LocalDateTime confirmedAt,
                 String confirmation, int codeAttempts, boolean flagDistance, boolean flagDuration, boolean flagCode,
                 LocalDateTime flagsClearedAt, String flagsClearedBy, String flagsNote, String closeReason,
                 LocalDateTime closedAt, String digest, long lockVersion) {

    public boolean flagged() {
        return flagDistance || flagDuration || flagCode;
    }

    /** Flagged and not yet cleared by the district. */
    public boolean flagsOpen() {
        return flagged() && flagsClearedAt == null;
    }

    /** Minutes between check-in and check-out, or null before check-out. */
    public Long durationMinutes() {
        return checkInAt == null || checkOutAt == null ? null
                : java.time.Duration.between(checkInAt, checkOutAt).toMinutes();
    }

    /** The confirmation's message key, or null before it. */
    public String confirmationKey() {
        return confirmation == null ? null : "homecare.order.confirmation." + confirmation;
    }

    public boolean closed() {
        return state == OrderState.CONFIRMED || state == OrderState.CALLED_BACK || state == OrderState.CANCELLED
                || state == OrderState.MISSED;
    }
}
