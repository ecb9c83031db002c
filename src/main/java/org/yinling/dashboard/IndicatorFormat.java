package org.yinling.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.yinling.system.TitledSheet;

/**
 * Writes indicator values for pages and the report: per cent, per 1000, yuan, and counts of people; a cell the
 * page's {@link Disclosure} hides reads "&lt;5" or "*", and so do the gap, the change and the traffic light of a
 * hidden value.
 */
public final class IndicatorFormat {

    private final SmallCounts counts;
    private final Disclosure disclosure;
    private final NumberFormat decimal;
    private final NumberFormat money;
    private final NumberFormat whole;

    IndicatorFormat(SmallCounts counts, Locale locale) {
        this(counts, Disclosure.none(), locale);
    }

    IndicatorFormat(SmallCounts counts, Disclosure disclosure, Locale locale) {
        this.counts = counts;
        this.disclosure = disclosure;
        this.decimal = NumberFormat.getNumberInstance(locale);
        this.decimal.setMinimumFractionDigits(1);
        this.decimal.setMaximumFractionDigits(1);
        this.money = NumberFormat.getNumberInstance(locale);
        this.money.setMinimumFractionDigits(2);
        this.money.setMaximumFractionDigits(2);
        this.whole = NumberFormat.getIntegerInstance(locale);
    }

    public String value(IndicatorValue value) {
        String mark = mark(value);
        return mark != null ? mark : number(value.indicator(), value.value());
    }

    /** "&lt;5" or "*" for a value the page hides, null for one it shows. */
    private String mark(IndicatorValue value) {
        if (value == null) {
            return null;
        }
        return disclosure.cellOf(value).map(disclosure::mark)
                .orElse(disclosure.hiddenShare(value) ? Disclosure.WITHHELD_MARK : null);
    }

    public boolean hidden(IndicatorValue value) {
        return mark(value) != null;
    }

    /** Whether the change between two values must stay blank: either of them is hidden. */
    public boolean changeHidden(IndicatorValue now, IndicatorValue before) {
        return hidden(now) || hidden(before);
    }

    /** The traffic light, none for a hidden value (it would bound the value against its target). */
    public TargetStatus status(IndicatorValue value) {
        return hidden(value) ? TargetStatus.NONE : value.status();
    }

    /** A count of people registered with the page's disclosure (by cell id or alias). */
    public String cell(String key) {
        String id = disclosure.resolve(key);
        String mark = disclosure.mark(id);
        return mark != null ? mark : counts.people(disclosure.value(id));
    }

    /** A street's ageing ratio in the staffing table. */
    public String staffingRatio(StreetStaffing.Row row) {
        if (row.agingRatio() == null) {
            return "—";
        }
        return disclosure.hiddenShare(PageDisclosures.staffingKey(row.streetCode())) ? Disclosure.WITHHELD_MARK
                : decimal.format(row.agingRatio().multiply(BigDecimal.valueOf(100))) + "%";
    }

    /** Whether this page hides small counts (the note on "&lt;5" and "*" is shown). */
    public boolean suppressing() {
        return disclosure.active();
    }

    public String target(IndicatorValue value) {
        return number(value.indicator(), value.target());
    }

    public String gap(IndicatorValue value) {
        if (hidden(value)) {
            return value.target() == null ? "" : Disclosure.WITHHELD_MARK;
        }
        return value.gap() == null || value.gap().signum() == 0 ? "" : number(value.indicator(), value.gap());
    }

    /**
     * A value for a spreadsheet's numeric cell: the number as the page rounds it (a share as a fraction, which the
     * cell's per cent format shows; a count of people as a whole number), or the page's text where it shows one
     * ("&lt;5", "*", "—"). The cell then tells no more than the page.
     */
    public Object cellValue(IndicatorValue value) {
        String mark = mark(value);
        return mark != null ? mark : cellNumber(value.indicator(), value.value());
    }

    /** {@link #cellValue} of a target, a change or any number of the indicator's unit. */
    public Object cellNumber(Indicator indicator, BigDecimal number) {
        if (number == null) {
            return "—";
        }
        return switch (indicator.unit()) {
            case PEOPLE -> counts.suppresses(number.longValue()) ? counts.people(number.longValue())
                    : (Object) number.longValue();
            case SHARE -> number.setScale(3, RoundingMode.HALF_EVEN);
            case PER_THOUSAND, PER_HUNDRED, HOURS -> number.setScale(1, RoundingMode.HALF_EVEN);
            case MONEY -> number.setScale(2, RoundingMode.HALF_EVEN);
            case COUNT -> number.setScale(0, RoundingMode.HALF_EVEN);
        };
    }

    /** The spreadsheet's number format of the indicator's unit, matching {@link #cellNumber}. */
    public static String cellFormat(Indicator indicator) {
        return switch (indicator.unit()) {
            case PEOPLE, COUNT -> TitledSheet.COUNT;
            case SHARE -> "0.0%";
            case PER_THOUSAND, PER_HUNDRED, HOURS -> "#,##0.0";
            case MONEY -> TitledSheet.MONEY;
        };
    }

    /** {@link #cell} for a spreadsheet: the count of people as a number, or the page's mark. */
    public Object peopleCell(String key) {
        String id = disclosure.resolve(key);
        String mark = disclosure.mark(id);
        if (mark != null) {
            return mark;
        }
        long people = disclosure.value(id);
        return counts.suppresses(people) ? counts.people(people) : (Object) people;
    }

    public String people(long people) {
        return counts.people(people);
    }

    public String money(BigDecimal amount) {
        return amount == null ? "—" : money.format(amount);
    }

    public String percent(long part, long whole) {
        return whole == 0 ? "—" : decimal.format(BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)) + "%";
    }

    public String number(Indicator indicator, BigDecimal number) {
        if (number == null) {
            return "—";
        }
        return switch (indicator.unit()) {
            case PEOPLE -> counts.people(number.longValue());
            case SHARE -> decimal.format(number.multiply(BigDecimal.valueOf(100))) + "%";
            case PER_THOUSAND, PER_HUNDRED -> decimal.format(number);
            case MONEY -> money.format(number);
            case COUNT -> whole.format(number);
            case HOURS -> decimal.format(number);
        };
    }
}
