package org.yinling.system;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

import org.springframework.format.Formatter;

/**
 * Dates and months as requests carry them: {@code yyyy-MM-dd} and {@code yyyy-MM}, a four-digit year and nothing
 * else (years from 1000). {@link LocalDate#parse} and {@link YearMonth#parse} accept years up to ±999,999,999 ({@code -999999999-01}),
 * which the pages' date arithmetic and PostgreSQL then refuse with a 500; here such a value simply does not parse.
 * Registered for every {@link LocalDate} bound from a request ({@link WebConfiguration#addFormatters}); controllers
 * that take a month as text read it with {@link #month(String)}.
 */
public final class RequestDates implements Formatter<LocalDate> {

    /** Nothing the application records lies before this year (and PostgreSQL has no year 0). */
    static final int FIRST_YEAR = 1000;

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** The month of a request parameter ({@code 2024-07}); empty when blank or not of that form. */
    public static Optional<YearMonth> month(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip(), MONTH);
            return month.getYear() < FIRST_YEAR ? Optional.empty() : Optional.of(month);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        try {
            LocalDate date = LocalDate.parse(text.strip(), DATE);
            if (date.getYear() < FIRST_YEAR) {
                throw new ParseException(text, 0);
            }
            return date;
        }
        catch (DateTimeParseException e) {
            throw new ParseException(text, e.getErrorIndex());
        }
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }
}
