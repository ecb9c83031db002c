package org.yinling.system;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.handler.RowWriteHandler;
import cn.idev.excel.write.handler.SheetWriteHandler;
import cn.idev.excel.write.handler.context.RowWriteHandlerContext;
import cn.idev.excel.write.handler.context.SheetWriteHandlerContext;
import cn.idev.excel.write.metadata.WriteSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * A sheet as the project's spreadsheets show it (a proper table): a title row (what, and whose region and month, in
 * the reader's language, given by the caller) over the column heads, both rows frozen, the caller's column widths,
 * and number formats on the numeric cells of the data rows (money {@link #MONEY}, counts {@link #COUNT}, or any
 * format per row and column). Text cells stay typed string cells ({@link SpreadsheetCells}): resident IDs, credit and
 * region codes go in as {@code String}s and so keep every digit; a format is laid on numeric cells only, and data
 * cells carry no other style.
 * <p>
 * One sheet: {@code TitledSheet.of(title, heads, widths...).format(TitledSheet.MONEY, 3).write(out, name, rows)}.
 * Several, or rows written in batches: {@code writer.write(batch, titled.sheet(index, name))} with the same
 * {@link WriteSheet} for every batch of a sheet.
 */
public final class TitledSheet implements SheetWriteHandler, RowWriteHandler {

    /** Money in yuan: thousands separated, two decimals. */
    public static final String MONEY = "#,##0.00";
    /** Counts: thousands separated, no decimals. */
    public static final String COUNT = "#,##0";
    /** The rows above the data: the title and the column heads. */
    public static final int HEAD_ROWS = 2;

    /** A numeric data cell's number format by its data row (0: the first under the heads) and column; null: none. */
    @FunctionalInterface
    public interface Formats {
        String of(int row, int column);
    }

    private final String title;
    private final List<String> columns;
    private final int[] widths;
    private final Map<Integer, String> columnFormats = new HashMap<>();
    private final Map<String, CellStyle> styles = new HashMap<>();
    private Formats formats = (row, column) -> null;

    private TitledSheet(String title, List<String> columns, int[] widths) {
        if (widths.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns, " + widths.length + " widths");
        }
        this.title = title;
        this.columns = List.copyOf(columns);
        this.widths = widths.clone();
    }

    /**
     * A sheet with the title over the columns' heads (texts in the reader's language), each column as wide as the
     * given number of characters.
     */
    public static TitledSheet of(String title, List<String> columns, int... widths) {
        return new TitledSheet(title, columns, widths);
    }

    /** The format on the numbers of these columns (0-based), e.g. {@link #MONEY}. */
    public TitledSheet format(String format, int... columns) {
        for (int column : columns) {
            columnFormats.put(column, format);
        }
        return this;
    }

    /** Formats by row and column, where a column's format is not enough; a column's own format comes first. */
    public TitledSheet formats(Formats formats) {
        this.formats = formats;
        return this;
    }

    /** The head: each column's head under the title (fastexcel merges the equal titles into one cell). */
    public List<List<String>> head() {
        return columns.stream().map(column -> List.of(title, column)).toList();
    }

    /** The sheet for an {@link ExcelWriter}: the head and this layout; its name made safe for Excel. */
    public WriteSheet sheet(int index, String name) {
        return FastExcel.writerSheet(index, WorkbookUtil.createSafeSheetName(name, '_')).head(head())
                .registerWriteHandler(this).build();
    }

    /** A workbook of this one sheet; the stream is left open. */
    public void write(OutputStream out, String name, List<? extends List<?>> rows) {
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();
        writer.write(rows, sheet(0, name));
        writer.finish();
    }

    @Override
    public void afterSheetCreate(SheetWriteHandlerContext context) {
        var sheet = context.getWriteSheetHolder().getSheet();
        sheet.createFreezePane(0, HEAD_ROWS);
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    /**
     * Gives every cell of a data row its style once the row is written: numbers their format (column, then row and
     * column), text the workbook's plain style. Set explicitly because a cell without a style of its own asks its
     * column for one when the sheet is written, and with column widths set that look-up reads the sheet's column
     * list for every cell: a district's elder export took twice as long. (A row handler, not a cell handler: one
     * call per row.)
     */
    @Override
    public void afterRowDispose(RowWriteHandlerContext context) {
        if (Boolean.TRUE.equals(context.getHead()) || context.getRowIndex() == null) {
            return;
        }
        Workbook workbook = context.getWriteWorkbookHolder().getWorkbook();
        int row = context.getRowIndex() - HEAD_ROWS;
        for (Cell cell : context.getRow()) {
            if (cell.getCellType() != CellType.NUMERIC) {
                cell.setCellStyle(workbook.getCellStyleAt(0));
                continue;
            }
            int column = cell.getColumnIndex();
            String format = columnFormats.get(column);
            if (format == null) {
                format = formats.of(row, column);
            }
            CellStyle current = cell.getCellStyle();
            cell.setCellStyle(format == null ? current : style(workbook, current, format));
        }
    }

    /** The cell's style with the format: one per format and former style, made once per sheet. */
    private CellStyle style(Workbook workbook, CellStyle current, String format) {
        return styles.computeIfAbsent(format + '|' + current.getIndex(), key -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(current);
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        });
    }
}
