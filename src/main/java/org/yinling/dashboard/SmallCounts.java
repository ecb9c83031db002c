package org.yinling.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Shows counts of people to a page. For a manager, a count of 1 to 4 people in a cell could point at individuals
 * (the three 100-year-olds of a village), so it is shown as "&lt;5"; zero and larger counts are shown as they are.
 */
public final class SmallCounts {

    static final long THRESHOLD = 5;

    private final boolean suppress;
    private final NumberFormat format;

    SmallCounts(boolean suppress, Locale locale) {
        this.suppress = suppress;
        this.format = NumberFormat.getIntegerInstance(locale);
    }

    public boolean suppresses(long people) {
        return suppress && people > 0 && people < THRESHOLD;
    }

    /** A count of people as the page shows it. */
    public String people(long people) {
        return suppresses(people) ? "<" + THRESHOLD : format.format(people);
    }

    /** For charts: null (no bar) where the page would show "&lt;5". */
    Long chartValue(long people) {
        return suppresses(people) ? null : people;
    }
}
