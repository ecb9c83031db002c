package org.yinling.elder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates agencies write: {@code 2026-03-05}, {@code 2026/3/5}, {@code 2026.3.5}, {@code 2026年3月5日},
 * {@code 20260305}, any of them followed by a time, and an Excel date that reached us as its serial number
 * (days since 1899-12-30, e.g. {@code 46086}).
 */
final class StatusImportDates {

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("(\\d{2,5})(?:\\.0+)?");
    private static final Pattern TIME = Pattern.compile("(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Serials up to 60 fall on Excel's non-existent 1900-02-29 or before it; no list reports such dates. */
    private static final int FIRST_SAFE_SERIAL = 61;

    private StatusImportDates() {
    }

    static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String date = TIME.matcher(text.strip()).replaceFirst("");
        try {
            Matcher m = SEPARATED.matcher(date);
            if (m.matches()) {
                return Optional.of(LocalDate.of(number(m, 1), number(m, 3), number(m, 4)));
            }
            for (Pattern yearMonthDay : List.of(CHINESE, COMPACT)) {
                m = yearMonthDay.matcher(date);
                if (m.matches()) {
                    return Optional.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
                }
            }
            m = SERIAL.matcher(date);
            if (m.matches() && number(m, 1) >= FIRST_SAFE_SERIAL) {
                return Optional.of(EXCEL_EPOCH.plusDays(number(m, 1)));
            }
        }
        catch (DateTimeException e) {
            // 2026-02-30 and the like: unreadable, as below
        }
        return Optional.empty();
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
