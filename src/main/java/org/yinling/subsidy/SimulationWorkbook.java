package org.yinling.subsidy;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * A policy simulation as .xlsx: a title row (policy, version, scope, day) over the column heads (both frozen), one
 * row per street and the total, counts as #,##0 and money as #,##0.00, then the rule in force and the simulated rule
 * in words. Street names go in as typed string cells, never formulas.
 */
@Component
class SimulationWorkbook {

    private static final String[] COLUMNS = {"simulation.street", "simulation.eldersNow", "simulation.eldersChanged",
            "simulation.eldersDifference", "simulation.monthlyCostNow", "simulation.monthlyCostChanged",
            "simulation.yearlyDifference"};
    private static final String[] ONE_TIME = {"simulation.street", "simulation.eldersNow", "simulation.eldersChanged",
            "simulation.eldersDifference", "simulation.oneTimeCostNow", "simulation.oneTimeCostChanged",
            "simulation.oneTimeDifference"};
    private static final int[] WIDTHS = {22, 14, 14, 12, 18, 18, 20};
    private static final Set<Integer> COUNTS = Set.of(1, 2, 3);
    private static final Set<Integer> MONEY = Set.of(4, 5, 6);

    private final MessageSource messages;

    SimulationWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(Policy policy, PolicySimulationResult result, Map<String, String> regionNames, String ruleNow,
               String ruleChanged, Locale locale, OutputStream out) {
        String title = text("simulation.sheet.title", locale, policy.name(), policy.version()) + "  "
                + text("simulation.sheet.scope", locale,
                        regionNames.getOrDefault(result.regionCode(), result.regionCode()), result.on().toString());
        List<List<String>> head = Stream.of(result.monthly() ? COLUMNS : ONE_TIME)
                .map(key -> List.of(title, text(key, locale))).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (PolicySimulationResult.StreetRow row : result.streets()) {
            rows.add(row(regionNames.getOrDefault(row.code(), row.code()), row));
        }
        rows.add(row(text("simulation.total", locale), result.total()));
        rows.add(List.of());
        rows.add(List.of(text("simulation.ruleNow", locale), ruleNow));
        rows.add(List.of(text("simulation.ruleChanged", locale), ruleChanged));
        FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new Layout(result.streets().size() + 1))
                .sheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(text("simulation.title", locale), '_'))
                .head(head).doWrite(rows);
    }

    /** The file's name in the user's language, e.g. {@code 政策模拟-高龄津贴-2026-12-05.xlsx}. */
    String fileName(Policy policy, java.time.LocalDate day, Locale locale) {
        return text("simulation.fileName", locale, policy.name(), day.toString());
    }

    private static List<Object> row(String label, PolicySimulationResult.StreetRow row) {
        return List.of(label, row.before(), row.after(), row.difference(), row.costBefore(), row.costAfter(),
                row.yearlyCostDifference());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Frozen title and heads, widths, and the number formats on the count and money columns of the data rows. */
    private static final class Layout implements SheetWriteHandler, CellWriteHandler {

        private final int dataRows;

        Layout(int dataRows) {
            this.dataRows = dataRows;
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
            Integer rowIndex = context.getRowIndex();
            if (Boolean.TRUE.equals(context.getHead()) || context.getFirstCellData() == null || rowIndex == null
                    || rowIndex >= 2 + dataRows) {
                return;
            }
            int column = context.getColumnIndex();
            if (!COUNTS.contains(column) && !MONEY.contains(column)) {
                return;
            }
            DataFormatData format = new DataFormatData();
            format.setFormat(MONEY.contains(column) ? "#,##0.00" : "#,##0");
            context.getFirstCellData().getOrCreateStyle().setDataFormatData(format);
        }
    }
}
