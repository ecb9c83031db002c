package org.yinling.dashboard;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.system.TitledSheet;

/**
 * The statistics export as .xlsx ({@link TitledSheet}): a title row (region, code, month, day counted, layout version) over the column
 * heads, both frozen; one row per field in the layout's order with the field code in a column of its own (text, for
 * the receiving system), the name in the reader's language, the value as a number (money with two decimals, hours
 * with one, percentages with two; "&lt;5" or "*" where a manager's copy hides a count), the unit and the definition.
 * Text goes in as typed string cells, never formulas ({@link org.yinling.system.SpreadsheetCells}).
 */
@Component
class StatisticsWorkbook {

    private static final String[] COLUMNS = {"statistics.column.code", "statistics.column.name",
            "statistics.column.value", "statistics.column.unit", "statistics.column.definition"};
    private static final int[] WIDTHS = {30, 34, 16, 10, 90};
    static final int VALUE_COLUMN = 2;

    private final MessageSource messages;

    StatisticsWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(MonthStatistics month, StatisticsLayout layout, List<StatisticsRows.Row> rows, Locale locale,
               OutputStream out) {
        String title = text("statistics.xlsx.title", locale, month.region().name(), month.region().code(),
                month.month().toString(), month.asOf().toString(), layout.version());
        List<List<Object>> data = new ArrayList<>();
        List<StatisticsUnit> units = new ArrayList<>();
        for (StatisticsRows.Row row : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.code());
            cells.add(row.name());
            cells.add(row.cell() == null ? "" : row.cell());
            cells.add(text(row.unitKey(), locale));
            cells.add(row.definition());
            data.add(cells);
            units.add(row.field().unit());
        }
        TitledSheet.of(title, Stream.of(COLUMNS).map(key -> text(key, locale)).toList(), WIDTHS)
                .formats((row, column) -> column == VALUE_COLUMN && row < units.size() ? format(units.get(row)) : null)
                .write(out, text("statistics.xlsx.sheet", locale, layout.version()), data);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A value's number format by its unit. */
    private static String format(StatisticsUnit unit) {
        return switch (unit) {
            case YUAN -> TitledSheet.MONEY;
            case HOURS -> "#,##0.0";
            case PERCENT -> "0.00";
            default -> TitledSheet.COUNT;
        };
    }
}
