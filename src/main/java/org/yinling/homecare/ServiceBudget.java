package org.yinling.homecare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An elder's service budget of one month and what is used of it: the arithmetic the plan page, the plan check and an
 * ad hoc order share. The budget is the month's amount plus what was carried over; used is the value of the elder's
 * orders of the month that were not cancelled or missed; the elder pays the part of a value the government does not.
 *
 * @param id              the budget row the month's orders refer to (the first, when an elder has several)
 * @param elderId         the elder
 * @param month           the first day of the month
 * @param amount          the month's amount (the entitlement's)
 * @param carriedOver     carried over from the month before, when the policy allows it
 * @param governmentShare 1.00 全额 or 0.50 半额
 * @param endedOn         the day the budget ended early (a death, a move-out), else null
 * @param used            the value of the month's orders not cancelled or missed
 */
record ServiceBudget(long id, long elderId, LocalDate month, BigDecimal amount, BigDecimal carriedOver,
                     BigDecimal governmentShare, LocalDate endedOn, BigDecimal used) {

    ServiceBudget {
        carriedOver = carriedOver == null ? BigDecimal.ZERO : carriedOver;
        used = used == null ? BigDecimal.ZERO : used;
    }

    /** What may be spent this month: the amount and what was carried over. */
    public BigDecimal total() {
        return amount.add(carriedOver);
    }

    /** What is left (never below zero, even when a price rose after orders were made). */
    public BigDecimal left() {
        return total().subtract(used).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether orders of this value still fit in what is left. */
    public boolean fits(BigDecimal value) {
        return value.compareTo(left()) <= 0;
    }

    /** Whether a plan of this monthly value fits in the month's whole budget. */
    public boolean planFits(BigDecimal monthlyValue) {
        return monthlyValue.compareTo(total()) <= 0;
    }

    /** The part of a value the elder pays (自付): nothing for 全额, half for 半额. */
    public BigDecimal elderShare(BigDecimal value) {
        return value.subtract(governmentPart(value));
    }

    /** The part of a value the government pays. */
    public BigDecimal governmentPart(BigDecimal value) {
        return value.multiply(governmentShare).setScale(2, RoundingMode.HALF_UP);
    }

    /** Used as a whole percentage of the budget (0 for an empty budget). */
    public int usedPercent() {
        if (total().signum() == 0) {
            return 0;
        }
        return used.multiply(BigDecimal.valueOf(100)).divide(total(), 0, RoundingMode.HALF_UP).intValue();
    }

    /** Whether the budget ended before the given day (no orders on or after it). */
    public boolean endedBefore(LocalDate day) {
        return endedOn != null && !day.isBefore(endedOn);
    }
}
