package org.yinling;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * "Today" as the application sees it (its clock runs in {@code yinling.time-zone}, Asia/Shanghai), for tests that
 * compare with dates the app computed. The host's zone would be a day behind from 00:00 to 08:00 Beijing time.
 */
public final class TestDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TestDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }
}
