package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.RequestDates;

/**
 * The monthly statistics export of a region (issue 22 §4): the same figures for the API, the page and the .xlsx.
 * A region's month is counted like the monthly report counts it ({@link FigureQueries} as of the month's last day,
 * elders from the records; today for the current month), plus the counts of {@link StatisticsExportStore}; a layout
 * then picks and orders the fields.
 */
@Service
class StatisticsExport {

    /** Why a request cannot be answered. */
    enum Refusal {
        MONTH_MISSING, MONTH_MALFORMED, MONTH_FUTURE, LAYOUT_UNKNOWN, REGION_MALFORMED, REGION_NOT_FOUND
    }

    /** A request's region, month and layout, or what is wrong with it. */
    record Request(RegionView region, YearMonth month, StatisticsLayout layout, Refusal refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    /** One field of a layout with its value for the month. */
    record Value(StatisticsField field, Object value) {
    }

    private final FigureQueries queries;
    private final StatisticsExportStore store;
    private final StatisticsLayouts layouts;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    StatisticsExport(FigureQueries queries, StatisticsExportStore store, StatisticsLayouts layouts, Regions regions,
                     AuditLog audit, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.layouts = layouts;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** The month a report defaults to: the last whole month. */
    YearMonth lastMonth() {
        return currentMonth().minusMonths(1);
    }

    /**
     * Reads a request: the region (12 digits, inside {@code scope}; blank for {@code defaultRegion}), the month
     * ({@code yyyy-MM}, not after the current one; blank for {@code defaultMonth}, or refused when that is null) and
     * the layout version (blank for the newest). The first problem found is the refusal.
     */
    Request read(String region, String month, String layout, RegionScope scope, String defaultRegion,
                 YearMonth defaultMonth) {
        String code = region == null || region.isBlank() ? defaultRegion : region.strip();
        if (!code.matches("[0-9]{12}")) {
            return new Request(null, null, null, Refusal.REGION_MALFORMED);
        }
        Optional<RegionView> found = regions.find(code).filter(r -> scope.contains(r.code()));
        if (found.isEmpty()) {
            return new Request(null, null, null, Refusal.REGION_NOT_FOUND);
        }
        YearMonth asked;
        if (month == null || month.isBlank()) {
            if (defaultMonth == null) {
                return new Request(found.get(), null, null, Refusal.MONTH_MISSING);
            }
            asked = defaultMonth;
        }
        else {
            Optional<YearMonth> parsed = RequestDates.month(month);
            if (parsed.isEmpty()) {
                return new Request(found.get(), null, null, Refusal.MONTH_MALFORMED);
            }
            asked = parsed.get();
            if (asked.isAfter(currentMonth())) {
                return new Request(found.get(), asked, null, Refusal.MONTH_FUTURE);
            }
        }
        Optional<StatisticsLayout> chosen = layouts.parse(layout);
        if (chosen.isEmpty()) {
            return new Request(found.get(), asked, null, Refusal.LAYOUT_UNKNOWN);
        }
        return new Request(found.get(), asked, chosen.get(), null);
    }

    /** The region's figures for the month, in one consistent snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MonthStatistics month(RegionView region, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
        Map<String, Figures> communities = queries.byCommunity(region.scope(), asOf, FigureQueries.ElderSource.RECORDS);
        Figures total = DashboardService.sum(communities, region.code().substring(0, region.level().significantDigits()));
        IndicatorSheet sheet = IndicatorSheet.of(total, Map.of());
        return new MonthStatistics(region, month, asOf, total, sheet,
                store.institutionsByKind(region.scope(), asOf), store.recipientsByKind(region.scope(), month),
                store.policyKinds(), store.meals(region.scope(), month));
    }

    /** The layout's fields in order, each with its value. */
    static List<Value> values(StatisticsLayout layout, MonthStatistics month) {
        return layout.fields().stream().map(f -> new Value(f, f.valueOf(month))).toList();
    }

    /** Audits a download of the export (committed before the file's first byte goes out). */
    @Transactional
    public void exported(MonthStatistics month, StatisticsLayout layout) {
        audit.record("STATISTICS_EXPORTED", "region", month.region().code(),
                Map.of("month", month.month().toString(), "layout", layout.version()));
    }
}
