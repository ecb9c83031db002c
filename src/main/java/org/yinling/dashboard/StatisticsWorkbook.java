package org.yinling.dashboard;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import cn.idev.excel.FastExcel;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.write.handler.CellWriteHandler;
import cn.idev.excel.write.handler.SheetWriteHandler;
import cn.idev.excel.write.handler.context.CellWriteHandlerContext;
import cn.idev.excel.write.handler.context.SheetWriteHandlerContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics export as .xlsx: a title row (region, code, month, day counted, layout version) over the column
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
        List<List<String>> head = Stream.of(COLUMNS).map(key -> List.of(title, text(key, locale))).toList();
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
        FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new Layout(units))
                .sheet(text("statistics.xlsx.sheet", locale, layout.version()))
                .head(head).doWrite(data);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Frozen title and heads, column widths, and each value's number format by its unit. */
    private static final class Layout implements SheetWriteHandler, CellWriteHandler {

        private final List<StatisticsUnit> units;

        Layout(List<StatisticsUnit> units) {
            this.units = units;
        }

        @Override
        public void afterSheetCreate(SheetWriteHandlerContext context) {
            var sheet = context.getWriteSheetHolder().getSheet();
            sheet.createFreezePane(0, 2);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
        }

        @Override
        public void afterCellDataConverted(CellWriteHandlerContext context) {
            if (Boolean.TRUE.equals(context.getHead()) || context.getColumnIndex() != VALUE_COLUMN
                    || context.getFirstCellData() == null || context.getRelativeRowIndex() == null
                    || context.getRelativeRowIndex() >= units.size()) {
                return;
            }
            DataFormatData format = new DataFormatData();
            format.setFormat(switch (units.get(context.getRelativeRowIndex())) {
                case YUAN -> "#,##0.00";
                case HOURS -> "#,##0.0";
                case PERCENT -> "0.00";
                default -> "#,##0";
            });
            context.getFirstCellData().getOrCreateStyle().setDataFormatData(format);
        }
    }
}
