package org.yinling.dashboard;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistics export as the page and the .xlsx show it: one row per field of the layout, in its order. For a
 * manager, counts of people of 1 to 4 are hidden as "&lt;5" and whatever would give them away withheld as "*"
 * ({@link Disclosure}: the age groups add up to the elders 60+, the visit rate comes from the elders due and
 * visited), the same on the page and in the .xlsx. Staff see every number as it is.
 */
final class StatisticsRows {

    /** A row: the field, its value for a spreadsheet cell (a number, a mark, or null) and the text of the page. */
    record Row(StatisticsField field, String name, String definition, Object cell, String text) {

        public String code() {
            return field.code();
        }

        public String unitKey() {
            return field.unit().messageKey();
        }

        public boolean numeric() {
            return cell instanceof Number;
        }
    }

    private StatisticsRows() {
    }

    static List<Row> of(StatisticsLayout layout, MonthStatistics month, boolean manager, Locale locale) {
        List<StatisticsExport.Value> values = StatisticsExport.values(layout, month);
        Disclosure disclosure = new Disclosure(manager);
        List<String> ageGroups = new ArrayList<>();
        for (StatisticsExport.Value v : values) {
            if (v.field().unit().people() && v.value() instanceof Long n) {
                disclosure.count(v.field().code(), n);
                if (v.field().code().startsWith("ELD_") && !v.field().code().equals("ELD_60_TOTAL")) {
                    ageGroups.add(v.field().code());
                }
            }
        }
        if (!ageGroups.isEmpty() && values.stream().anyMatch(v -> v.field().code().equals("ELD_60_TOTAL"))) {
            disclosure.relation("ELD_60_TOTAL", ageGroups);
        }
        if (values.stream().anyMatch(v -> v.field().code().equals("VIS_DUE"))) {
            disclosure.share("VIS_RATE", List.of("VIS_DONE", "VIS_DUE"));
        }
        disclosure.protect();
        NumberFormat counts = NumberFormat.getIntegerInstance(locale);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        List<Row> rows = new ArrayList<>();
        for (StatisticsExport.Value v : values) {
            StatisticsField field = v.field();
            String mark = field.unit().people() ? disclosure.mark(field.code())
                    : field.code().equals("VIS_RATE") && disclosure.hiddenShare("VIS_RATE") ? Disclosure.WITHHELD_MARK : null;
            Object cell = mark != null ? mark : v.value();
            String text;
            if (mark != null) {
                text = mark;
            }
            else if (v.value() == null) {
                text = "—";
            }
            else if (v.value() instanceof BigDecimal d) {
                String pattern = switch (field.unit()) {
                    case YUAN -> "#,##0.00";
                    case HOURS -> "#,##0.0";
                    default -> "0.00";
                };
                text = new DecimalFormat(pattern, symbols).format(d);
            }
            else {
                text = counts.format(v.value());
            }
            rows.add(new Row(field, field.name(locale), field.definition(locale), cell, text));
        }
        return rows;
    }
}
