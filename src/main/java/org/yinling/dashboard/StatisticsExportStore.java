package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionScope;

/**
 * The counts of the statistics export that neither the dashboard nor the monthly report has: institutions by kind,
 * the elders behind the month's payment lines by policy kind, and the month's meals. Each is one grouped statement
 * over an index range of the region (institutions of its communities, the month's batch lines of its communities
 * through payment_line_batch_idx, the month's meals of its meal points through meal_point_day_idx), never a scan of
 * the registry. Everything the dashboard already counts comes from {@link FigureQueries}.
 */
@Component
class StatisticsExportStore {

    /** The key of a total over every kind. */
    static final String ALL = "*";

    private final JdbcClient jdbc;

    StatisticsExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Institutions operating on the day by kind: the same condition as the dashboard's beds and facilities
     * (status OPERATING, opened by the day or without an opening date).
     */
    Map<String, Long> institutionsByKind(RegionScope scope, LocalDate day) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT kind, count(*) FROM institution
                        WHERE community_code LIKE :scope AND status = 'OPERATING'
                          AND (opened_on IS NULL OR opened_on <= CAST(:day AS date))
                        GROUP BY kind
                        """)
                .param("scope", scope.likePattern()).param("day", day)
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getLong(2));
                });
        return kinds;
    }

    /**
     * Elders paid in the month's batch (not being generated nor discarded; lines not failed, of the elder's
     * community in the region), distinct per policy kind and in all ({@link #ALL}): the recipients behind the
     * amounts the dashboard sums from payment_line_tally.
     */
    Map<String, Long> recipientsByKind(RegionScope scope, YearMonth month) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT coalesce(p.kind, '*'), count(DISTINCT l.elder_id)
                        FROM payment_batch b
                        JOIN payment_line l ON l.batch_id = b.id
                        JOIN subsidy_policy p ON p.id = l.policy_id
                        WHERE b.month = :month AND b.state NOT IN ('GENERATING', 'DISCARDED')
                          AND l.community_code LIKE :scope AND l.status <> 'FAILED'
                        GROUP BY ROLLUP (p.kind)
                        """)
                .param("scope", scope.likePattern()).param("month", month.atDay(1))
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getLong(2));
                });
        return kinds;
    }

    /** Each policy code's kind (its latest version's). */
    Map<String, String> policyKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT ON (code) code, kind FROM subsidy_policy ORDER BY code, version DESC")
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getString(2));
                });
        return kinds;
    }

    /** The month's meals at the region's meal points: meals, distinct elders, the per-meal subsidy of those meals. */
    record Meals(long served, long elders, BigDecimal subsidy) {
    }

    /**
     * The month's meals at the meal points of the region's communities, counted as the meal point's settlement
     * counts them (meal.MealPointStore#settlement): served in the month, on or after the point's opening; each at the
     * subsidy per meal of the category it was served under (none without a category).
     */
    Meals meals(RegionScope scope, YearMonth month) {
        return jdbc.sql("""
                        SELECT count(m.id), count(DISTINCT m.elder_id), coalesce(sum(c.amount), 0)
                        FROM meal_point p
                        JOIN meal m ON m.meal_point_id = p.id AND m.served_on >= :from AND m.served_on < :next
                        LEFT JOIN meal_category c ON c.id = m.category_id
                        WHERE p.community_code LIKE :scope AND (p.opened_on IS NULL OR m.served_on >= p.opened_on)
                        """)
                .param("scope", scope.likePattern()).param("from", month.atDay(1))
                .param("next", month.plusMonths(1).atDay(1))
                .query((rs, row) -> new Meals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
                .single();
    }
}
