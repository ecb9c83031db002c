package org.yinling.elder;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Many elders left the registry's active elders at once: an agency's list (spreadsheet or API batch) of at least
 * {@code StatusImportService.BULK_FROM} deaths ({@code deceased}) or move-outs was applied. It stands for one
 * {@link ElderDeceased} or {@link ElderMovedOut} per elder, {@code elderIds[i]} on {@code dates[i]} (the arrays have the
 * same length), and its followers give exactly the same effect with one set-based statement per table (the arrays
 * go to the database as {@code unnest(elderIds, dates)}). A follower's per-elder handler is this one with arrays of
 * one ({@link #of(ElderDeceased)}, {@link #of(ElderMovedOut)}).
 */
public record EldersLeft(boolean deceased, long[] elderIds, LocalDate[] dates) {

    public EldersLeft {
        if (elderIds.length != dates.length) {
            throw new IllegalArgumentException("elderIds and dates differ in length");
        }
    }

    public static EldersLeft of(ElderDeceased event) {
        return new EldersLeft(true, new long[] {event.elderId()}, new LocalDate[] {event.date()});
    }

    public static EldersLeft of(ElderMovedOut event) {
        return new EldersLeft(false, new long[] {event.elderId()}, new LocalDate[] {event.date()});
    }

    /** The dates as ISO strings, for a JDBC parameter {@code CAST(? AS date[])}. */
    public String[] isoDates() {
        return Arrays.stream(dates).map(LocalDate::toString).toArray(String[]::new);
    }

    /** The elder ids as objects, for a JDBC parameter {@code CAST(? AS bigint[])}. */
    public Long[] ids() {
        return Arrays.stream(elderIds).boxed().toArray(Long[]::new);
    }

    public int size() {
        return elderIds.length;
    }
}
