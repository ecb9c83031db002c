package org.yinling.meal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/** Meal points, their meals and their settlements; every read takes the user's region scope. */
@Repository
class MealPointStore {

    private static final String SELECT = """
            SELECT id, name, kind, operator, community_code, address, seats, serves_lunch, serves_dinner,
                   licence_number, licence_expires, opened_on, status, version FROM meal_point""";

    private final JdbcClient jdbc;

    MealPointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MealPoint> list(RegionScope scope) {
        return jdbc.sql(SELECT + " WHERE community_code LIKE ? ORDER BY community_code, name, id LIMIT 1000")
                .param(scope.likePattern()).query(MealPointStore::map).list();
    }

    Optional<MealPoint> find(long id, RegionScope scope) {
        return jdbc.sql(SELECT + " WHERE id = ? AND community_code LIKE ?")
                .params(id, scope.likePattern()).query(MealPointStore::map).optional();
    }

    long insert(MealPointForm f, String actor) {
        return jdbc.sql("""
                        INSERT INTO meal_point (name, kind, operator, community_code, address, seats, serves_lunch,
                            serves_dinner, licence_number, licence_expires, opened_on, payee_bank, payee_account, created_by,
                            updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(f.name().strip(), f.kind().name(), blank(f.operator()), f.communityCode(), blank(f.address()),
                        f.seats(), Boolean.TRUE.equals(f.servesLunch()), Boolean.TRUE.equals(f.servesDinner()),
                        blank(f.licenceNumber()), f.licenceExpires(), f.openedOn(), blank(f.payeeBank()),
                        blank(f.payeeAccount()), actor, actor)
                .query(Long.class).single();
    }

    /** Meals per day of the last {@code days} days, newest first. */
    Map<LocalDate, Long> dailyCounts(long pointId, LocalDate today, int days) {
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT served_on, count(*) FROM meal WHERE meal_point_id = ? AND served_on > ? AND served_on <= ?
                        GROUP BY served_on ORDER BY served_on DESC
                        """)
                .params(pointId, today.minusDays(days), today)
                .query(rs -> {
                    counts.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return counts;
    }

    /** Meals per month of the last twelve months, newest first. */
    Map<String, Long> monthlyCounts(long pointId, LocalDate today) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT to_char(date_trunc('month', served_on), 'YYYY-MM'), count(*) FROM meal
                        WHERE meal_point_id = ? AND served_on >= ? AND served_on <= ?
                        GROUP BY 1 ORDER BY 1 DESC
                        """)
                .params(pointId, today.withDayOfMonth(1).minusMonths(11), today)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** One line of a month's settlement: meals of a category, the rate and the amount. */
    record SettlementLine(MealCategory.Label category, long meals, BigDecimal rate, BigDecimal amount) {
    }

    /**
     * The month's meals by the category each was served under, priced at that category's amount (a meal keeps its
     * category and price), in one grouped count over the point's month; meals under no category are paid nothing
     * per meal. Meals dated before the point opened (recorded before the rule was enforced) are never paid.
     */
    List<SettlementLine> settlement(long pointId, LocalDate month) {
        return jdbc.sql("""
                        SELECT c.name_zh, c.name_en, count(*), COALESCE(c.amount, 0), count(*) * COALESCE(c.amount, 0)
                        FROM meal m LEFT JOIN meal_category c ON c.id = m.category_id
                        JOIN meal_point p ON p.id = m.meal_point_id
                        WHERE m.meal_point_id = ? AND m.served_on >= ? AND m.served_on < ?
                          AND (p.opened_on IS NULL OR m.served_on >= p.opened_on)
                        GROUP BY m.category_id, c.name_zh, c.name_en, c.amount, c.effective_from, c.position
                        ORDER BY c.effective_from, c.position NULLS LAST
                        """)
                .params(pointId, month, month.plusMonths(1))
                .query((rs, row) -> new SettlementLine(MealCategory.Label.of(rs.getString(1), rs.getString(2)),
                        rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** A community of the region, whether a meal point serves it (its own or listed), and its elders of 80 and over. */
    record Coverage(String communityCode, boolean served, long elders80) {
    }

    List<Coverage> coverage(RegionScope scope, LocalDate today) {
        return jdbc.sql("""
                        SELECT r.code,
                               EXISTS (SELECT 1 FROM meal_point p WHERE p.status = 'OPERATING' AND p.community_code = r.code)
                               OR EXISTS (SELECT 1 FROM meal_point_community c JOIN meal_point p ON p.id = c.meal_point_id
                                          WHERE p.status = 'OPERATING' AND c.community_code = r.code),
                               (SELECT count(*) FROM elder e WHERE e.community_code = r.code AND e.life_status = 'ACTIVE'
                                  AND e.birth_date <= CAST(? AS date) - INTERVAL '80 years')
                        FROM region r WHERE r.level = 'COMMUNITY' AND r.code LIKE ?
                        ORDER BY 2, 3 DESC, r.code
                        """)
                .params(today, scope.likePattern())
                .query((rs, row) -> new Coverage(rs.getString(1), rs.getBoolean(2), rs.getLong(3)))
                .list();
    }

    /** Adds a community the point serves besides its own; false when it was listed already. */
    boolean addServed(long pointId, String communityCode) {
        return jdbc.sql("INSERT INTO meal_point_community (meal_point_id, community_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(pointId, communityCode).update() == 1;
    }

    List<String> served(long pointId) {
        return jdbc.sql("SELECT community_code FROM meal_point_community WHERE meal_point_id = ? ORDER BY community_code")
                .param(pointId).query(String.class).list();
    }

    /** An elder's latest meals, for the elder's page. */
    record ElderMeal(LocalDate servedOn, MealKind meal, MealMode mode, MealCategory.Label category, String pointName) {
    }

    List<ElderMeal> mealsOf(long elderId, int limit) {
        return jdbc.sql("""
                        SELECT m.served_on, m.meal, m.mode, c.name_zh, c.name_en, p.name
                        FROM meal m JOIN meal_point p ON p.id = m.meal_point_id LEFT JOIN meal_category c ON c.id = m.category_id
                        WHERE m.elder_id = ? ORDER BY m.served_on DESC, m.id DESC LIMIT ?
                        """)
                .params(elderId, limit)
                .query((rs, row) -> new ElderMeal(rs.getObject(1, LocalDate.class), MealKind.valueOf(rs.getString(2)),
                        MealMode.valueOf(rs.getString(3)), MealCategory.Label.of(rs.getString(4), rs.getString(5)),
                        rs.getString(6)))
                .list();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static MealPoint map(ResultSet rs, int row) throws SQLException {
        return new MealPoint(rs.getLong("id"), rs.getString("name"), MealPointKind.valueOf(rs.getString("kind")),
                rs.getString("operator"), rs.getString("community_code"), rs.getString("address"),
                (Integer) rs.getObject("seats"), rs.getBoolean("serves_lunch"), rs.getBoolean("serves_dinner"),
                rs.getString("licence_number"), rs.getObject("licence_expires", LocalDate.class),
                rs.getObject("opened_on", LocalDate.class), rs.getString("status"), rs.getLong("version"));
    }
}
