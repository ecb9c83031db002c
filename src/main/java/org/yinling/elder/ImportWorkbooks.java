package org.yinling.elder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.idev.excel.FastExcel;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** The import template (with its explanation sheet) and an import's error report, as .xlsx. */
@Component
class ImportWorkbooks {

    private final MessageSource messages;
    private final Regions regions;
    private final ElderImportStore store;

    ImportWorkbooks(MessageSource messages, Regions regions, ElderImportStore store) {
        this.messages = messages;
        this.regions = regions;
        this.store = store;
    }

    /** The last template row (0-based) that gets the drop-downs and the text format: as many rows as an import reads. */
    private static final int LAST_ROW = 200_000;
    /** The columns written as text: Excel would turn long digit strings into numbers (3.30105E+17) and lose digits. */
    private static final Set<ImportColumn> TEXT_COLUMNS = EnumSet.of(ImportColumn.RESIDENT_ID,
            ImportColumn.COMMUNITY_CODE, ImportColumn.PHONE, ImportColumn.GUARDIAN_PHONE, ImportColumn.EMERGENCY_PHONE);

    /**
     * The import template in the user's language (the import reads headers and labels of either language): a data
     * sheet whose ID, code and phone columns are formatted as text and whose coded columns (yes/no, living arrangement,
     * economic status, disability, the community by name) have drop-down lists; an explanation sheet; and the lists
     * themselves on a hidden sheet. Written with POI directly: formats and data validations are the point of it.
     */
    void template(RegionScope scope, Locale locale, OutputStream out) throws IOException {
        List<RegionView> communities = regions.within(scope, RegionLevel.COMMUNITY);
        Map<String, String> names = regions.allNames();
        List<String> communityNames = communityChoices(communities, names);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet data = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("import.sheet.data", locale)));
            XSSFSheet explain = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("import.sheet.explain", locale)));
            XSSFSheet lists = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("import.sheet.lists", locale)));

            CellStyle textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle headStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headStyle.setFont(bold);
            headStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headStyle.setDataFormat(textStyle.getDataFormat());

            // the lists the drop-downs offer, one column each, on the hidden sheet
            Map<ImportColumn, String> listRanges = new EnumMap<>(ImportColumn.class);
            List<String> yesNo = List.of(text("import.flag.yes", locale), text("import.flag.no", locale));
            int listColumn = 0;
            listColumn = addList(lists, listColumn, yesNo, listRanges, ImportColumn.HUKOU_LOCAL, ImportColumn.SOLITARY,
                    ImportColumn.LOST_ONLY_CHILD, ImportColumn.LEFT_BEHIND, ImportColumn.ONLY_CHILD_DISABLED,
                    ImportColumn.SPECIAL_CARE_RECIPIENT, ImportColumn.SERIOUS_ILLNESS);
            listColumn = addList(lists, listColumn, labels(LivingArrangement.values(), LivingArrangement::messageKey, locale),
                    listRanges, ImportColumn.LIVING_ARRANGEMENT);
            listColumn = addList(lists, listColumn, labels(EconomicStatus.values(), EconomicStatus::messageKey, locale),
                    listRanges, ImportColumn.ECONOMIC_STATUS);
            listColumn = addList(lists, listColumn, labels(DisabilityCategory.values(), DisabilityCategory::messageKey, locale),
                    listRanges, ImportColumn.DISABILITY_CATEGORY);
            listColumn = addList(lists, listColumn, List.of(1, 2, 3, 4).stream()
                    .map(level -> ImportRowParser.levelLabel(level, messages, locale)).toList(), listRanges,
                    ImportColumn.DISABILITY_LEVEL);
            if (!communityNames.isEmpty()) {
                addList(lists, listColumn, communityNames, listRanges, ImportColumn.COMMUNITY);
            }

            ImportColumn[] columns = ImportColumn.values();
            Row head = data.createRow(0);
            Row example = data.createRow(1);
            Map<ImportColumn, String> exampleValues = example(communityNames, locale);
            DataValidationHelper helper = data.getDataValidationHelper();
            for (int c = 0; c < columns.length; c++) {
                ImportColumn column = columns[c];
                Cell header = head.createCell(c);
                header.setCellValue(text(column.headerKey(), locale) + (column.requiredInTemplate() ? "*" : ""));
                header.setCellStyle(headStyle);
                Cell cell = example.createCell(c);
                cell.setCellValue(exampleValues.getOrDefault(column, ""));
                if (TEXT_COLUMNS.contains(column)) {
                    data.setDefaultColumnStyle(c, textStyle);
                    cell.setCellStyle(textStyle);
                }
                data.setColumnWidth(c, width(column) * 256);
                String range = listRanges.get(column);
                if (range != null) {
                    DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                            new CellRangeAddressList(1, LAST_ROW, c, c));
                    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    validation.setShowErrorBox(true);
                    validation.createErrorBox(text("import.validation.title", locale), text("import.validation.text", locale));
                    validation.setEmptyCellAllowed(true);
                    data.addValidationData(validation);
                }
            }
            // the ID column: a reminder where it is typed (any text passes; the import checks the number)
            DataValidation idPrompt = helper.createValidation(
                    helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "255"),
                    new CellRangeAddressList(1, LAST_ROW, ImportColumn.RESIDENT_ID.ordinal(), ImportColumn.RESIDENT_ID.ordinal()));
            idPrompt.createPromptBox(text("import.validation.idTitle", locale), text("import.validation.idText", locale));
            idPrompt.setShowPromptBox(true);
            idPrompt.setShowErrorBox(false);
            data.addValidationData(idPrompt);
            data.createFreezePane(0, 1);

            int r = 0;
            Row explainHead = explain.createRow(r++);
            String[] explainHeads = {"import.explain.column", "import.explain.required", "import.explain.meaning"};
            for (int c = 0; c < explainHeads.length; c++) {
                Cell cell = explainHead.createCell(c);
                cell.setCellValue(text(explainHeads[c], locale));
                cell.setCellStyle(headStyle);
            }
            for (ImportColumn column : columns) {
                row(explain, r++, text(column.headerKey(), locale),
                        text(column.requiredInTemplate() ? "import.flag.yes" : "import.flag.no", locale),
                        text(column.explanationKey(), locale));
            }
            r++;
            row(explain, r++, text("import.explain.codes", locale));
            for (LivingArrangement value : LivingArrangement.values()) {
                row(explain, r++, text(ImportColumn.LIVING_ARRANGEMENT.headerKey(), locale), text(value.messageKey(), locale));
            }
            for (EconomicStatus value : EconomicStatus.values()) {
                row(explain, r++, text(ImportColumn.ECONOMIC_STATUS.headerKey(), locale), text(value.messageKey(), locale));
            }
            for (DisabilityCategory value : DisabilityCategory.values()) {
                row(explain, r++, text(ImportColumn.DISABILITY_CATEGORY.headerKey(), locale), text(value.messageKey(), locale));
            }
            for (int level = 1; level <= 4; level++) {
                row(explain, r++, text(ImportColumn.DISABILITY_LEVEL.headerKey(), locale),
                        ImportRowParser.levelLabel(level, messages, locale));
            }
            r++;
            row(explain, r++, text("import.explain.communityNames", locale));
            row(explain, r++, text("import.explain.communityCode", locale), text("import.explain.street", locale),
                    text("import.explain.communityName", locale));
            for (int i = 0; i < communities.size(); i++) {
                RegionView community = communities.get(i);
                row(explain, r++, community.code(), names.getOrDefault(community.parentCode(), ""),
                        communityNames.get(i));
            }
            explain.setColumnWidth(0, 22 * 256);
            explain.setColumnWidth(1, 16 * 256);
            explain.setColumnWidth(2, 70 * 256);
            explain.createFreezePane(0, 1);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    /**
     * What to write for each community, in the order of {@code communities}: its name, or 街道/社区 where another
     * community of the region has the same name (the import reads both forms).
     */
    static List<String> communityChoices(List<RegionView> communities, Map<String, String> names) {
        Map<String, Long> count = communities.stream()
                .collect(java.util.stream.Collectors.groupingBy(RegionView::name, java.util.stream.Collectors.counting()));
        return communities.stream().map(c -> count.get(c.name()) > 1
                ? names.getOrDefault(c.parentCode(), "") + "/" + c.name() : c.name()).toList();
    }

    private Map<ImportColumn, String> example(List<String> communityNames, Locale locale) {
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        values.put(ImportColumn.RESIDENT_ID, ImportRowParser.EXAMPLE_ID);
        values.put(ImportColumn.NAME, text("import.example.name", locale));
        values.put(ImportColumn.COMMUNITY, communityNames.isEmpty() ? "" : communityNames.get(0));
        values.put(ImportColumn.ADDRESS, text("import.example.address", locale));
        values.put(ImportColumn.PHONE, "13800000000");
        values.put(ImportColumn.ETHNICITY, text("import.example.ethnicity", locale));
        values.put(ImportColumn.HUKOU_LOCAL, text("import.flag.yes", locale));
        values.put(ImportColumn.LIVING_ARRANGEMENT, text(LivingArrangement.ALONE.messageKey(), locale));
        values.put(ImportColumn.SOLITARY, text("import.flag.no", locale));
        values.put(ImportColumn.LOST_ONLY_CHILD, text("import.flag.no", locale));
        values.put(ImportColumn.ECONOMIC_STATUS, text(EconomicStatus.MINIMUM_LIVING.messageKey(), locale));
        values.put(ImportColumn.INCOME_PER_PERSON, "450");
        values.put(ImportColumn.DISABILITY_CATEGORY, text(DisabilityCategory.PHYSICAL.messageKey(), locale));
        values.put(ImportColumn.DISABILITY_LEVEL, ImportRowParser.levelLabel(3, messages, locale));
        values.put(ImportColumn.LEFT_BEHIND, text("import.flag.yes", locale));
        values.put(ImportColumn.ONLY_CHILD_DISABLED, text("import.flag.no", locale));
        values.put(ImportColumn.SPECIAL_CARE_RECIPIENT, text("import.flag.no", locale));
        values.put(ImportColumn.SERIOUS_ILLNESS, text("import.flag.no", locale));
        values.put(ImportColumn.GUARDIAN_NAME, text("import.example.guardian", locale));
        values.put(ImportColumn.GUARDIAN_RELATION, text("import.example.relation", locale));
        values.put(ImportColumn.GUARDIAN_PHONE, "13900000000");
        return values;
    }

    private static int width(ImportColumn column) {
        return switch (column) {
            case RESIDENT_ID -> 22;
            case COMMUNITY, ADDRESS, NOTES -> 24;
            case COMMUNITY_CODE, PHONE, GUARDIAN_PHONE, EMERGENCY_PHONE, ECONOMIC_STATUS, DISABILITY_LEVEL,
                 LIVING_ARRANGEMENT, DISABILITY_CATEGORY -> 16;
            default -> 12;
        };
    }

    /** Writes {@code values} down column {@code column} of the lists sheet; each of {@code users} offers them. */
    private static int addList(XSSFSheet lists, int column, List<String> values, Map<ImportColumn, String> ranges,
                               ImportColumn... users) {
        for (int i = 0; i < values.size(); i++) {
            Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
            row.createCell(column).setCellValue(values.get(i));
        }
        String letter = CellReference.convertNumToColString(column);
        String range = "'" + lists.getSheetName().replace("'", "''") + "'!$" + letter + "$1:$" + letter + "$" + values.size();
        for (ImportColumn user : users) {
            ranges.put(user, range);
        }
        return column + 1;
    }

    private static void row(XSSFSheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private <E> List<String> labels(E[] values, java.util.function.Function<E, String> key, Locale locale) {
        return java.util.Arrays.stream(values).map(value -> text(key.apply(value), locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The rows with problems; the IDs as the file had them, masked for a user who may not see them in full. */
    void errors(long importId, CurrentUser user, Locale locale, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (ImportProblem problem : store.problems(importId, Integer.MAX_VALUE)) {
            rows.add(List.of(problem.rowNumber(), messages.getMessage(problem.columnKey(), null, locale),
                    shownId(problem.residentId(), user),
                    problem.name() == null ? "" : problem.name(),
                    messages.getMessage(problem.messageKey(), null, problem.messageKey(), locale)));
        }
        List<List<String>> head = List.of(List.of(messages.getMessage("import.report.row", null, locale)),
                List.of(messages.getMessage("import.report.column", null, locale)),
                List.of(messages.getMessage("elder.residentId", null, locale)),
                List.of(messages.getMessage("elder.name", null, locale)),
                List.of(messages.getMessage("import.report.problem", null, locale)));
        FastExcel.write(out).autoCloseStream(false).head(head)
                .sheet(messages.getMessage("import.report.sheet", null, locale)).doWrite(rows);
    }

    private static String shownId(String residentId, CurrentUser user) {
        if (residentId == null) {
            return "";
        }
        if (user.seesFullPersonalData()) {
            return residentId;
        }
        return residentId.length() == 18 ? ResidentId.mask(residentId) : user.documentNumber(residentId);
    }

}
