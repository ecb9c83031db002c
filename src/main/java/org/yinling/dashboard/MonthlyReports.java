package org.yinling.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * Builds the monthly report from the records: elders are counted from the elder table as of the last day of the
 * month (registered by then, not dead or moved out by then), so a past month can be reported again and the
 * change since the month before is real. The current month is reported as of today.
 */
@Service
class MonthlyReports {

    private final FigureQueries queries;
    private final IndicatorTargets targets;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.yinling.region.OfficialStatistics statistics;

    MonthlyReports(FigureQueries queries, IndicatorTargets targets, Regions regions, JdbcClient jdbc,
                   Clock clock, org.yinling.region.OfficialStatistics statistics) {
        this.statistics = statistics;
        this.queries = queries;
        this.targets = targets;
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MonthlyReport build(RegionView region, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = min(month.atEndOfMonth(), today);
        LocalDate previousAsOf = month.minusMonths(1).atEndOfMonth();
        Map<String, Figures> now = queries.byCommunity(region.scope(), asOf, FigureQueries.ElderSource.RECORDS);
        Map<String, Figures> before = queries.byCommunity(region.scope(), previousAsOf, FigureQueries.ElderSource.RECORDS);
        List<IndicatorTargets.Target> allTargets = targets.all();
        String prefix = region.code().substring(0, region.level().significantDigits());
        // the official statistics of the year of each day, where entered (issue 21 §4), as on the dashboard
        List<RegionView> children = region.level() == RegionLevel.COMMUNITY ? List.of() : regions.children(region.code());
        List<String> codes = new ArrayList<>(children.stream().map(RegionView::code).toList());
        codes.add(region.code());
        Map<String, org.yinling.region.OfficialStatistic> official = statistics.latest(codes, asOf.getYear());
        Figures total = DashboardService.sum(now, prefix);
        total.statistics = official.get(region.code());
        Figures totalBefore = DashboardService.sum(before, prefix);
        totalBefore.statistics = statistics.latest(List.of(region.code()), previousAsOf.getYear()).get(region.code());
        IndicatorSheet sheet = IndicatorSheet.of(total, targets.forRegion(region, asOf, allTargets));
        IndicatorSheet previous = IndicatorSheet.of(totalBefore, targets.forRegion(region, previousAsOf, allTargets));

        List<MonthlyReport.UnitLine> units = new ArrayList<>();
        if (region.level() != RegionLevel.COMMUNITY) {
            for (RegionView child : children) {
                Figures figures = DashboardService.sum(now, child.code().substring(0, child.level().significantDigits()));
                figures.statistics = official.get(child.code());
                units.add(new MonthlyReport.UnitLine(child, IndicatorSheet.of(figures, targets.forRegion(child, asOf, allTargets))));
            }
        }
        int childDigits = region.level() == RegionLevel.COMMUNITY ? 12 : region.level().child().significantDigits();
        Map<String, Object> params = Map.of("scope", region.scope().likePattern(), "digits", childDigits,
                "from", month.atDay(1), "next", month.plusMonths(1).atDay(1));
        return new MonthlyReport(region, month, asOf, previousAsOf, sheet, previous, units,
                entitlementChanges(params), payments(params), institutionsOpened(params), queries.policyNames(),
                Figures.unvisited(now));
    }

    private List<MonthlyReport.EntitlementChange> entitlementChanges(Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT policy_code, rpad(substr(community_code, 1, :digits), 12, '0'),
                               count(*) FILTER (WHERE created_at >= CAST(:from AS date) AND created_at < CAST(:next AS date)),
                               count(*) FILTER (WHERE stopped_at >= CAST(:from AS date) AND stopped_at < CAST(:next AS date))
                        FROM subsidy_entitlement
                        WHERE community_code LIKE :scope
                          AND (created_at >= CAST(:from AS date) AND created_at < CAST(:next AS date)
                               OR stopped_at >= CAST(:from AS date) AND stopped_at < CAST(:next AS date))
                        GROUP BY 1, 2 ORDER BY 1, 2
                        """)
                .params(params)
                .query((rs, row) -> new MonthlyReport.EntitlementChange(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    private List<MonthlyReport.Payment> payments(Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT policy, region, sum(lines), sum(amount) FROM (
                            SELECT t.policy_code AS policy, rpad(substr(t.community_code, 1, :digits), 12, '0') AS region,
                                   t.lines, t.amount
                            FROM payment_line_tally t JOIN payment_batch b ON b.id = t.batch_id
                            WHERE t.community_code LIKE :scope AND b.month = CAST(:from AS date)
                              AND b.state NOT IN ('GENERATING', 'DISCARDED') AND t.status <> 'FAILED'
                            UNION ALL
                            SELECT l.kind, rpad(substr(l.community_code, 1, :digits), 12, '0'), 1, l.amount
                            FROM payment_payee_line l JOIN payment_batch b ON b.id = l.batch_id
                            WHERE l.community_code LIKE :scope AND b.month = CAST(:from AS date)
                              AND b.state NOT IN ('GENERATING', 'DISCARDED') AND l.status <> 'FAILED') lines
                        GROUP BY 1, 2 HAVING sum(lines) > 0 ORDER BY 1, 2
                        """)
                .params(params)
                .query((rs, row) -> new MonthlyReport.Payment(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    private List<MonthlyReport.OpenedInstitution> institutionsOpened(Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT i.name, i.kind, i.community_code, i.opened_on, (SELECT count(*) FROM bed b WHERE b.institution_id = i.id)
                        FROM institution i
                        WHERE i.community_code LIKE :scope AND i.opened_on >= CAST(:from AS date) AND i.opened_on < CAST(:next AS date)
                        ORDER BY i.opened_on, i.name
                        """)
                .params(params)
                .query((rs, row) -> new MonthlyReport.OpenedInstitution(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5)))
                .list();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
