package org.yinling.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Writes indicator values for pages and the report: per cent, per 1000, yuan, and counts of people. */
public final class IndicatorFormat {

    private final SmallCounts counts;
    private final NumberFormat decimal;
    private final NumberFormat money;

    IndicatorFormat(SmallCounts counts, Locale locale) {
        this.counts = counts;
        this.decimal = NumberFormat.getNumberInstance(locale);
        this.decimal.setMinimumFractionDigits(1);
        this.decimal.setMaximumFractionDigits(1);
        this.money = NumberFormat.getNumberInstance(locale);
        this.money.setMinimumFractionDigits(2);
        this.money.setMaximumFractionDigits(2);
    }

    public String value(IndicatorValue value) {
        return number(value.indicator(), value.value());
    }

    public String target(IndicatorValue value) {
        return number(value.indicator(), value.target());
    }

    public String gap(IndicatorValue value) {
        return value.gap() == null || value.gap().signum() == 0 ? "" : number(value.indicator(), value.gap());
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
            case PER_THOUSAND -> decimal.format(number);
            case MONEY -> money.format(number);
        };
    }
}
