package org.yinling.dashboard;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
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

/**
 * The monthly report as .xlsx: the same sections as the printable page, one sheet each, hiding the same cells.
 * Names go in unchanged as typed string cells (never formulas, see {@link org.yinling.system.SpreadsheetCells}).
 */
@Component
class MonthlyReportWorkbook {

    private static final Indicator[] VISIT_COLUMNS = {Indicator.VISIT_ROSTER, Indicator.VISIT_RATE,
            Indicator.VISIT_RATE_HIGH, Indicator.VISIT_RATE_MEDIUM, Indicator.VISIT_RATE_LOW,
            Indicator.VISIT_UNVISITED_3M};

    private final MessageSource messages;
    private final DashboardCharts names;
    private final Regions regions;

    MonthlyReportWorkbook(MessageSource messages, DashboardCharts names, Regions regions) {
        this.messages = messages;
        this.names = names;
        this.regions = regions;
    }

    void write(MonthlyReport report, IndicatorFormat fmt, Locale locale, OutputStream out) {
        Map<String, String> regionNames = regions.allNames();
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();

        List<List<Object>> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue now = report.sheet().get(indicator);
            BigDecimal change = report.change(indicator);
            IndicatorValue before = report.previous().get(indicator);
            indicators.add(List.of(text(indicator.messageKey(), locale), fmt.value(now), fmt.value(before),
                    change == null || fmt.changeHidden(now, before) ? "" : fmt.number(indicator, change),
                    fmt.target(now), text(fmt.status(now).messageKey(), locale)));
        }
        if (fmt.suppressing()) {
            indicators.add(List.of());
            indicators.add(List.of(text("dashboard.withheldNote", locale)));
        }
        writer.write(indicators, sheet(0, "report.sheet.indicators", locale, "dashboard.indicator", "report.value",
                "report.previous", "report.change", "dashboard.target", "dashboard.status"));

        List<List<Object>> units = new ArrayList<>();
        for (MonthlyReport.UnitLine unit : report.units()) {
            units.add(List.of(unit.region().name(),
                    fmt.value(unit.sheet().get(Indicator.ELDERS_60)), fmt.value(unit.sheet().get(Indicator.ELDERS_80)),
                    fmt.value(unit.sheet().get(Indicator.BEDS_PER_THOUSAND)),
                    fmt.value(unit.sheet().get(Indicator.MEAL_POINT_COVERAGE)),
                    fmt.value(unit.sheet().get(Indicator.ACTIVE_ENTITLEMENTS)),
                    fmt.value(unit.sheet().get(Indicator.MONTH_SPENDING))));
        }
        writer.write(units, sheet(1, "report.sheet.units", locale, "dashboard.region", "indicator.ELDERS_60",
                "indicator.ELDERS_80", "indicator.BEDS_PER_THOUSAND", "indicator.MEAL_POINT_COVERAGE",
                "indicator.ACTIVE_ENTITLEMENTS", "indicator.MONTH_SPENDING"));

        List<List<Object>> changes = new ArrayList<>();
        for (MonthlyReport.EntitlementChange change : report.entitlementChanges()) {
            changes.add(List.of(names.policyName(change.policy(), report.policyNames(), locale),
                    regionNames.getOrDefault(change.regionCode(), change.regionCode()),
                    fmt.cell(PageDisclosures.granted(change)), fmt.cell(PageDisclosures.stopped(change))));
        }
        writer.write(changes, sheet(2, "report.sheet.entitlements", locale, "dashboard.policy", "dashboard.region",
                "report.granted", "report.stopped"));

        List<List<Object>> payments = new ArrayList<>();
        for (MonthlyReport.Payment payment : report.payments()) {
            payments.add(List.of(names.policyName(payment.policy(), report.policyNames(), locale),
                    regionNames.getOrDefault(payment.regionCode(), payment.regionCode()), payment.lines(),
                    payment.amount()));
        }
        writer.write(payments, sheet(3, "report.sheet.payments", locale, "dashboard.policy", "dashboard.region",
                "report.lines", "payment.amount"));

        List<List<Object>> opened = new ArrayList<>();
        for (MonthlyReport.OpenedInstitution institution : report.institutionsOpened()) {
            opened.add(List.of(institution.name(), text("institution.kind." + institution.kind(), locale),
                    regionNames.getOrDefault(institution.communityCode(), institution.communityCode()),
                    institution.openedOn().toString(), institution.beds()));
        }
        writer.write(opened, sheet(4, "report.sheet.institutions", locale, "report.institution", "report.kind",
                "dashboard.region", "report.openedOn", "report.beds"));

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
                row.add(fmt.value(line.sheet().get(indicator)));
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
                    fmt.cell(PageDisclosures.unvisitedKey(community.getKey()))));
        }
        writer.write(visits, sheet(5, "visitrate.units", locale, "dashboard.region", "indicator.VISIT_ROSTER",
                "indicator.VISIT_RATE", "visitrate.tier.HIGH", "visitrate.tier.MEDIUM", "visitrate.tier.LOW",
                "indicator.VISIT_UNVISITED_3M"));

        // institution supervision (issue 23 §8): the region and each child region
        List<List<Object>> supervision = new ArrayList<>();
        for (MonthlyReport.UnitLine line : lines) {
            List<Object> row = new ArrayList<>();
            row.add(line.region().name());
            for (Indicator indicator : MonthlyReport.SUPERVISION_COLUMNS) {
                row.add(fmt.value(line.sheet().get(indicator)));
            }
            supervision.add(row);
        }
        supervision.add(List.of());
        supervision.add(List.of(text("supervision.indicators.asOf", locale)));
        List<String> supervisionColumns = new ArrayList<>(List.of("dashboard.region"));
        MonthlyReport.SUPERVISION_COLUMNS.forEach(indicator -> supervisionColumns.add(indicator.messageKey()));
        writer.write(supervision, sheet(6, "supervision.indicators.title", locale,
                supervisionColumns.toArray(String[]::new)));
        writer.finish();
    }

    private WriteSheet sheet(int index, String nameKey, Locale locale, String... columns) {
        List<List<String>> head = Stream.of(columns).map(key -> List.of(text(key, locale))).toList();
        return FastExcel.writerSheet(index, text(nameKey, locale)).head(head).build();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
