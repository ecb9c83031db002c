package org.yinling.elder;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
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

    /** Headers are always Chinese: that is what the import reads (English headers are accepted too). */
    private static final Locale TEMPLATE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final Regions regions;
    private final ElderImportStore store;

    ImportWorkbooks(MessageSource messages, Regions regions, ElderImportStore store) {
        this.messages = messages;
        this.regions = regions;
        this.store = store;
    }

    void template(RegionScope scope, OutputStream out) {
        List<RegionView> communities = regions.within(scope, RegionLevel.COMMUNITY);
        String exampleCommunity = communities.isEmpty() ? "" : communities.get(0).code();
        List<List<String>> head = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            head.add(List.of(text(column.headerKey()) + (column.required() ? "*" : "")));
        }
        List<List<Object>> example = List.of(List.of(ImportRowParser.EXAMPLE_ID, text("import.example.name"),
                exampleCommunity, text("import.example.address"), "13800000000", text("import.example.ethnicity"),
                text("import.flag.yes"), text(LivingArrangement.ALONE.messageKey()), text("import.flag.no"),
                text("import.flag.no"), text(EconomicStatus.MINIMUM_LIVING.messageKey()), "450",
                text("import.example.guardian"), text("import.example.relation"), "13900000000", "", "", ""));
        List<List<Object>> explanation = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            explanation.add(List.of(text(column.headerKey()),
                    text(column.required() ? "import.flag.yes" : "import.flag.no"), text(column.explanationKey())));
        }
        explanation.add(List.of());
        explanation.add(List.of(text("import.explain.codes")));
        for (LivingArrangement value : LivingArrangement.values()) {
            explanation.add(List.of(text(ImportColumn.LIVING_ARRANGEMENT.headerKey()), text(value.messageKey())));
        }
        for (EconomicStatus value : EconomicStatus.values()) {
            explanation.add(List.of(text(ImportColumn.ECONOMIC_STATUS.headerKey()), text(value.messageKey())));
        }
        explanation.add(List.of());
        explanation.add(List.of(text("import.explain.communities")));
        for (RegionView community : communities) {
            explanation.add(List.of(community.code(), regions.names(List.of(community.parentCode()))
                    .getOrDefault(community.parentCode(), ""), community.name()));
        }
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();
        writer.write(example, FastExcel.writerSheet(0, text("import.sheet.data")).head(head).build());
        writer.write(explanation, FastExcel.writerSheet(1, text("import.sheet.explain"))
                .head(List.of(List.of(text("import.explain.column")), List.of(text("import.explain.required")),
                        List.of(text("import.explain.meaning")))).build());
        writer.finish();
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

    private String text(String key) {
        return messages.getMessage(key, null, key, TEMPLATE_LOCALE);
    }
}
