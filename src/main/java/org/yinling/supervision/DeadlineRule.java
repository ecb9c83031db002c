package org.yinling.supervision;

import java.time.ZonedDateTime;

/**
 * How long an institution has to put a finding of one severity right: hours (counted as elapsed time) or calendar
 * days (the same time of day, so 3 days from 30 January 10:00 is 2 February 10:00, across month ends and leap days).
 */
public record DeadlineRule(Severity severity, int amount, Unit unit) {

    public enum Unit { HOURS, DAYS }

    static final java.util.Map<Severity, DeadlineRule> DEFAULTS = java.util.Map.of(
            Severity.RED, new DeadlineRule(Severity.RED, 24, Unit.HOURS),
            Severity.ORANGE, new DeadlineRule(Severity.ORANGE, 3, Unit.DAYS),
            Severity.YELLOW, new DeadlineRule(Severity.YELLOW, 7, Unit.DAYS),
            Severity.BLUE, new DeadlineRule(Severity.BLUE, 15, Unit.DAYS));

    ZonedDateTime due(ZonedDateTime foundAt) {
        return unit == Unit.HOURS ? foundAt.plusHours(amount) : foundAt.plusDays(amount);
    }
}
