package org.yinling.dashboard;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.region.Regions;
import org.yinling.supervision.SupervisionStatus;
import org.yinling.system.TitledSheet;

/**
 * The monthly report as .xlsx: the same sections as the printable page, one sheet each, hiding the same cells. Each
 * sheet has a title row (region, month, section) over frozen column heads ({@link TitledSheet}); figures are numeric
 * cells rounded as the page rounds them, in their unit's format (a hidden one is the page's "&lt;5" or "*"). The
 * certificates needing attention and institutions by star grade go to the roles that see them on the page. Names
 * go in unchanged as typed string cells (never formulas, see {@link org.yinling.system.SpreadsheetCells}).
 */
@Component
class MonthlyReportWorkbook {

    private static final List<Indicator> VISIT_COLUMNS = List.of(Indicator.VISIT_ROSTER, Indicator.VISIT_RATE,
            Indicator.VISIT_RATE_HIGH, Indicator.VISIT_RATE_MEDIUM, Indicator.VISIT_RATE_LOW,
            Indicator.VISIT_UNVISITED_3M);
    private static final List<Indicator> UNIT_COLUMNS = List.of(Indicator.ELDERS_60, Indicator.ELDERS_80,
            Indicator.BEDS_PER_THOUSAND, Indicator.MEAL_POINT_COVERAGE, Indicator.ACTIVE_ENTITLEMENTS,
            Indicator.MONTH_SPENDING);

    private final MessageSource messages;
    private final DashboardCharts names;
    private final Regions regions;
    private final SupervisionStatus supervisionStatus;

    MonthlyReportWorkbook(MessageSource messages, DashboardCharts names, Regions regions,
                          SupervisionStatus supervisionStatus) {
        this.messages = messages;
        this.names = names;
        this.regions = regions;
        this.supervisionStatus = supervisionStatus;
    }

    void write(MonthlyReport report, IndicatorFormat fmt, boolean certificates, Locale locale, OutputStream out) {
        Map<String, String> regionNames = regions.allNames();
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();

        List<List<Object>> indicators = new ArrayList<>();
        Indicator[] all = Indicator.values();
        for (Indicator indicator : all) {
            IndicatorValue now = report.sheet().get(indicator);
            BigDecimal change = report.change(indicator);
            IndicatorValue before = report.previous().get(indicator);
            indicators.add(List.of(text(indicator.messageKey(), locale), fmt.cellValue(now), fmt.cellValue(before),
                    change == null || fmt.changeHidden(now, before) ? "" : fmt.cellNumber(indicator, change),
                    fmt.cellNumber(indicator, now.target()), text(fmt.status(now).messageKey(), locale)));
        }
        if (fmt.suppressing()) {
            indicators.add(List.of());
            indicators.add(List.of(text("dashboard.withheldNote", locale)));
        }
        writer.write(indicators, sheet(report, 0, "report.sheet.indicators", locale,
                new int[] {34, 14, 14, 12, 14, 12}, (row, column) -> row < all.length && column >= 1 && column <= 4
                        ? IndicatorFormat.cellFormat(all[row]) : null,
                "dashboard.indicator", "report.value", "report.previous", "report.change", "dashboard.target",
                "dashboard.status"));

        List<List<Object>> units = new ArrayList<>();
        for (MonthlyReport.UnitLine unit : report.units()) {
            List<Object> row = new ArrayList<>();
            row.add(unit.region().name());
            for (Indicator indicator : UNIT_COLUMNS) {
                row.add(fmt.cellValue(unit.sheet().get(indicator)));
            }
            units.add(row);
        }
        writer.write(units, sheet(report, 1, "report.sheet.units", locale, widths(UNIT_COLUMNS.size()),
                byColumn(UNIT_COLUMNS), headsOf(UNIT_COLUMNS)));

        List<List<Object>> changes = new ArrayList<>();
        for (MonthlyReport.EntitlementChange change : report.entitlementChanges()) {
            changes.add(List.of(names.policyName(change.policy(), report.policyNames(), locale),
                    regionNames.getOrDefault(change.regionCode(), change.regionCode()),
                    fmt.peopleCell(PageDisclosures.granted(change)), fmt.peopleCell(PageDisclosures.stopped(change))));
        }
        writer.write(changes, sheet(report, 2, "report.sheet.entitlements", locale, new int[] {24, 20, 10, 10},
                (row, column) -> column >= 2 ? TitledSheet.COUNT : null,
                "dashboard.policy", "dashboard.region", "report.granted", "report.stopped"));

        List<List<Object>> payments = new ArrayList<>();
        for (MonthlyReport.Payment payment : report.payments()) {
            payments.add(List.of(names.policyName(payment.policy(), report.policyNames(), locale),
                    regionNames.getOrDefault(payment.regionCode(), payment.regionCode()), payment.lines(),
                    payment.amount()));
        }
        writer.write(payments, sheet(report, 3, "report.sheet.payments", locale, new int[] {24, 20, 10, 16},
                (row, column) -> column == 2 ? TitledSheet.COUNT : column == 3 ? TitledSheet.MONEY : null,
                "dashboard.policy", "dashboard.region", "report.lines", "payment.amount"));

        List<List<Object>> opened = new ArrayList<>();
        for (MonthlyReport.OpenedInstitution institution : report.institutionsOpened()) {
            opened.add(List.of(institution.name(), text("institution.kind." + institution.kind(), locale),
                    regionNames.getOrDefault(institution.communityCode(), institution.communityCode()),
                    institution.openedOn().toString(), institution.beds()));
        }
        writer.write(opened, sheet(report, 4, "report.sheet.institutions", locale, new int[] {28, 14, 20, 12, 8},
                (row, column) -> column == 4 ? TitledSheet.COUNT : null,
                "report.institution", "report.kind", "dashboard.region", "report.openedOn", "report.beds"));

        // 月探访率 (issue 19): the region and each child region by tier, then the communities with elders not
        // visited in three months (counts only)
        List<List<Object>> visits = new ArrayList<>();
        List<MonthlyReport.UnitLine> lines = new ArrayList<>();
        lines.add(new MonthlyReport.UnitLine(report.region(), report.sheet()));
        lines.addAll(report.units());
        for (MonthlyReport.UnitLine line : lines) {
            List<Object> row = new ArrayList<>();
            row.add(line.region().name());
            for (Indicator indicator : VISIT_COLUMNS) {
                row.add(fmt.cellValue(line.sheet().get(indicator)));
            }
            visits.add(row);
        }
        visits.add(List.of());
        visits.add(List.of(text("visitrate.unvisited", locale)));
        if (report.unvisited().isEmpty()) {
            visits.add(List.of(text("visitrate.unvisited.none", locale)));
        }
        for (Map.Entry<String, Long> community : report.unvisited()) {
            visits.add(List.of(regionNames.getOrDefault(community.getKey(), community.getKey()), "", "", "", "", "",
                    fmt.peopleCell(PageDisclosures.unvisitedKey(community.getKey()))));
        }
        writer.write(visits, sheet(report, 5, "visitrate.units", locale, widths(VISIT_COLUMNS.size()),
                byColumn(VISIT_COLUMNS), "dashboard.region", "indicator.VISIT_ROSTER", "indicator.VISIT_RATE",
                "visitrate.tier.HIGH", "visitrate.tier.MEDIUM", "visitrate.tier.LOW", "indicator.VISIT_UNVISITED_3M"));

        // institution supervision (issue 23 §8): the region and each child region
        List<List<Object>> supervision = new ArrayList<>();
        for (MonthlyReport.UnitLine line : lines) {
            List<Object> row = new ArrayList<>();
            row.add(line.region().name());
            for (Indicator indicator : MonthlyReport.SUPERVISION_COLUMNS) {
                row.add(fmt.cellValue(line.sheet().get(indicator)));
            }
            supervision.add(row);
        }
        supervision.add(List.of());
        supervision.add(List.of(text("supervision.indicators.asOf", locale)));
        writer.write(supervision, sheet(report, 6, "supervision.indicators.title", locale,
                widths(MonthlyReport.SUPERVISION_COLUMNS.size()), byColumn(MonthlyReport.SUPERVISION_COLUMNS),
                headsOf(MonthlyReport.SUPERVISION_COLUMNS)));

        // certificates needing attention and institutions by star grade, as the page's card shows them (as of
        // today, to the same roles)
        if (certificates) {
            SupervisionStatus.Figures figures = supervisionStatus.figures(report.region().scope());
            String certificateSection = text("supervision.certificates.title", locale);
            String ratingSection = text("supervision.ratings.title", locale);
            List<List<Object>> rows = new ArrayList<>();
            for (String state : List.of("EXPIRED", "MISSING", "EXPIRING")) {
                rows.add(List.of(certificateSection, text("supervision.certificate.state." + state, locale),
                        figures.certificates().getOrDefault(state, 0L)));
            }
            for (int grade = 5; grade >= 1; grade--) {
                rows.add(List.of(ratingSection,
                        messages.getMessage("supervision.rating.grade", new Object[] {grade}, locale),
                        figures.byGrade().getOrDefault(grade, 0L)));
            }
            rows.add(List.of(ratingSection, text("supervision.certificate.state.EXPIRED", locale),
                    figures.byGrade().getOrDefault(-1, 0L)));
            rows.add(List.of(ratingSection, text("supervision.rating.none", locale),
                    figures.byGrade().getOrDefault(0, 0L)));
            rows.add(List.of());
            rows.add(List.of(text("sheets.monthlyReport.asOf", locale)));
            writer.write(rows, sheet(report, 7, "supervision.dashboard.title", locale, new int[] {22, 18, 10},
                    (row, column) -> TitledSheet.COUNT, "sheets.monthlyReport.section", "sheets.monthlyReport.item",
                    "sheets.monthlyReport.count"));
        }
        writer.finish();
    }

    /**
     * A sheet with its title (the region, the month and the sheet's name) over the column heads, both frozen, and
     * the number formats of its numeric cells.
     */
    private WriteSheet sheet(MonthlyReport report, int index, String nameKey, Locale locale, int[] widths,
                             TitledSheet.Formats formats, String... columns) {
        String name = text(nameKey, locale);
        String title = messages.getMessage("sheets.monthlyReport.title",
                new Object[] {report.region().name(), report.month().toString(), name}, locale);
        return TitledSheet.of(title, Stream.of(columns).map(key -> text(key, locale)).toList(), widths)
                .formats(formats).sheet(index, name);
    }

    /** A region column and the indicators' columns. */
    private static int[] widths(int indicators) {
        int[] widths = new int[indicators + 1];
        Arrays.fill(widths, 14);
        widths[0] = 20;
        return widths;
    }

    /** Each indicator column (after the region's) in its unit's format. */
    private static TitledSheet.Formats byColumn(List<Indicator> columns) {
        return (row, column) -> column >= 1 && column <= columns.size()
                ? IndicatorFormat.cellFormat(columns.get(column - 1)) : null;
    }

    private static String[] headsOf(List<Indicator> columns) {
        List<String> heads = new ArrayList<>(List.of("dashboard.region"));
        columns.forEach(indicator -> heads.add(indicator.messageKey()));
        return heads.toArray(String[]::new);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
