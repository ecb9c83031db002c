package org.yinling.meal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.elder.ElderTextSearch;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;

/** The counter: find an elder by the ID, its last digits or the name, record a meal in one statement. */
@Service
class MealCounter {

    private static final int MATCHES = 8;

    private final JdbcClient jdbc;

    MealCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An elder found at the counter. */
    public record Found(long id, String name, String maskedResidentId, int age, String communityCode,
                        MealCategory category) {
    }

    /** A meal of the day's list. */
    public record Served(long id, String elderName, MealKind meal, MealMode mode, MealCategory category,
                         String communityCode) {
    }

    /** A meal taken back by {@link #undo}: what the audit row keeps of it. */
    public record Undone(long elderId, String elderName, MealKind meal, MealMode mode, MealCategory category,
                         String recordedBy) {
    }

    /**
     * Active elders of the region found by the registry's text search ({@link ElderTextSearch}: the last 4–6
     * characters of the ID, a whole or 15-digit ID, or the start of the name), each served by an index.
     */
    @Transactional(readOnly = true)
    List<Found> find(String text, RegionScope scope, LocalDate today) {
        Optional<ElderTextSearch> search = ElderTextSearch.of(text);
        if (search.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.id, e.name, e.resident_id, e.birth_date, e.community_code, %s FROM elder e
                        WHERE %s AND e.community_code LIKE :scope AND e.life_status = 'ACTIVE'
                        ORDER BY e.name, e.id LIMIT :limit
                        """.formatted(MealCategory.SQL.replace("?", ":today"), search.get().condition("e")))
                .params(search.get().params())
                .param("scope", scope.likePattern())
                .param("today", today)
                .param("limit", MATCHES)
                .query((rs, row) -> new Found(rs.getLong(1), rs.getString(2), ResidentId.mask(rs.getString(3)),
                        java.time.Period.between(rs.getObject(4, LocalDate.class), today).getYears(),
                        rs.getString(5), MealCategory.valueOf(rs.getString(6))))
                .list();
    }

    /**
     * Records the meal with the elder's category of today; empty when the elder already had this meal today (at any
     * point), is not an active elder of the region, or the point has not opened yet on that day
     * ({@link #openOn(MealPoint, LocalDate)}): a meal before the opening would be paid in the settlement.
     */
    @Transactional
    Optional<Long> record(long pointId, long elderId, MealKind meal, MealMode mode, RegionScope scope, LocalDate today,
                          String actor) {
        return jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category, recorded_by)
                        SELECT e.id, p.id, ?, ?, ?, %s, ? FROM elder e
                        JOIN meal_point p ON p.id = ? AND (p.opened_on IS NULL OR p.opened_on <= ?)
                        WHERE e.id = ? AND e.community_code LIKE ? AND e.life_status = 'ACTIVE'
                        ON CONFLICT (elder_id, served_on, meal) DO NOTHING
                        RETURNING id
                        """.formatted(MealCategory.SQL))
                .params(today, meal.name(), mode.name(), today, actor, pointId, today, elderId, scope.likePattern())
                .query(Long.class).optional();
    }

    /** Whether the point serves meals on {@code day}: from the day it opened (a point without a date has opened). */
    static boolean openOn(MealPoint point, LocalDate day) {
        return point.openedOn() == null || !day.isBefore(point.openedOn());
    }

    @Transactional(readOnly = true)
    List<Served> today(long pointId, LocalDate today) {
        return jdbc.sql("""
                        SELECT m.id, e.name, m.meal, m.mode, m.category, e.community_code
                        FROM meal m JOIN elder e ON e.id = m.elder_id
                        WHERE m.meal_point_id = ? AND m.served_on = ? ORDER BY m.id DESC LIMIT 500
                        """)
                .params(pointId, today)
                .query((rs, row) -> new Served(rs.getLong(1), rs.getString(2), MealKind.valueOf(rs.getString(3)),
                        MealMode.valueOf(rs.getString(4)), MealCategory.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /**
     * Takes back one of the point's meals of {@code today} (a meal of an earlier day may be in a settlement already):
     * the row goes, so that no count, figure or settlement sees it, and the same meal can be recorded again. Empty when
     * there is no such meal of the point today. Called by {@link MealPoints#undo}, which audits it.
     */
    Optional<Undone> delete(long pointId, long mealId, LocalDate today) {
        return jdbc.sql("""
                        DELETE FROM meal m USING elder e
                        WHERE m.id = ? AND m.meal_point_id = ? AND m.served_on = ? AND e.id = m.elder_id
                        RETURNING m.elder_id, e.name, m.meal, m.mode, m.category, m.recorded_by
                        """)
                .params(mealId, pointId, today)
                .query((rs, row) -> new Undone(rs.getLong(1), rs.getString(2), MealKind.valueOf(rs.getString(3)),
                        MealMode.valueOf(rs.getString(4)), MealCategory.valueOf(rs.getString(5)), rs.getString(6)))
                .optional();
    }
}
