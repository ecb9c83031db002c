package org.yinling.supervision;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding deadlines by severity across month ends, year ends and leap days, on Beijing time. */
class DeadlineRuleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE);
    }

    private static ZonedDateTime due(Severity severity, ZonedDateTime from) {
        return DeadlineRule.DEFAULTS.get(severity).due(from);
    }

    @Test
    void redIsTwentyFourHoursAcrossTheYearEnd() {
        assertThat(due(Severity.RED, at(2025, 12, 31, 20))).isEqualTo(at(2026, 1, 1, 20));
    }

    @Test
    void orangeIsThreeCalendarDaysAcrossMonthEnds() {
        assertThat(due(Severity.ORANGE, at(2025, 1, 30, 10))).isEqualTo(at(2025, 2, 2, 10));
        assertThat(due(Severity.ORANGE, at(2025, 2, 27, 9))).isEqualTo(at(2025, 3, 2, 9));
        assertThat(due(Severity.ORANGE, at(2024, 2, 27, 9))).isEqualTo(at(2024, 3, 1, 9));
    }

    @Test
    void yellowAndBlueAreSevenAndFifteenDays() {
        assertThat(due(Severity.YELLOW, at(2024, 2, 25, 8))).isEqualTo(at(2024, 3, 3, 8));
        assertThat(due(Severity.BLUE, at(2025, 2, 20, 15))).isEqualTo(at(2025, 3, 7, 15));
        assertThat(due(Severity.BLUE, at(2025, 4, 30, 15))).isEqualTo(at(2025, 5, 15, 15));
    }

    @Test
    void aRuleInDaysKeepsTheTimeOfDay() {
        DeadlineRule five = new DeadlineRule(Severity.ORANGE, 5, DeadlineRule.Unit.DAYS);
        assertThat(five.due(at(2025, 11, 28, 23))).isEqualTo(at(2025, 12, 3, 23));
    }
}
