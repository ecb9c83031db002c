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
import org.yinling.subsidy.rule.SqlFragment;

/** The counter: find an elder by the ID, its last digits or the name, record a meal in one statement. */
@Service
class MealCounter {

    private static final int MATCHES = 8;

    private final JdbcClient jdbc;
    private final MealCategoryStore categories;

    MealCounter(JdbcClient jdbc, MealCategoryStore categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** An elder found at the counter. */
    public record Found(long id, String name, String maskedResidentId, int age, String communityCode,
                        MealCategory.Label category) {
    }

    /** A meal of the day's list. */
    public record Served(long id, String elderName, MealKind meal, MealMode mode, MealCategory.Label category,
                         String communityCode) {
    }

    /** A meal taken back by {@link #undo}: what the audit row keeps of it. */
    public record Undone(long elderId, String elderName, MealKind meal, MealMode mode, MealCategory.Label category,
                         String recordedBy) {
    }

    /**
     * Active elders of the region found by the registry's text search ({@link ElderTextSearch}: the last 4–6
     * characters of the ID, a whole or 15-digit ID, or the start of the name), each served by an index.
     */
    @Transactional(readOnly = true)
    List<Found> find(String text, String pointCommunity, RegionScope scope, LocalDate today) {
        Optional<ElderTextSearch> search = ElderTextSearch.of(text);
        if (search.isEmpty()) {
            return List.of();
        }
        record Elder(long id, String name, String residentId, LocalDate birthDate, String communityCode) {
        }
        List<Elder> elders = jdbc.sql("""
                        SELECT e.id, e.name, e.resident_id, e.birth_date, e.community_code FROM elder e
                        WHERE %s AND e.community_code LIKE :scope AND e.life_status = 'ACTIVE'
                        ORDER BY e.name, e.id LIMIT :limit
                        """.formatted(search.get().condition("e")))
                .params(search.get().params())
                .param("scope", scope.likePattern())
                .param("limit", MATCHES)
                .query((rs, row) -> new Elder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
        if (elders.isEmpty()) {
            return List.of();
        }
        // the category each would be served under at this point today: the first of the point's list they meet
        List<MealCategory> list = categories.inForce(pointCommunity, today);
        SqlFragment first = MealCategory.firstMatch(list, today);
        java.util.Map<Long, Long> categoryOf = new java.util.HashMap<>();
        List<Object> params = new java.util.ArrayList<>(first.params());
        params.add(elders.stream().map(Elder::id).toArray(Long[]::new));
        jdbc.sql("SELECT e.id, " + first.sql() + " FROM elder e WHERE e.id = ANY(?)")
                .params(params)
                .query(rs -> {
                    long category = rs.getLong(2);
                    if (!rs.wasNull()) {
                        categoryOf.put(rs.getLong(1), category);
                    }
                });
        return elders.stream().map(e -> new Found(e.id(), e.name(), ResidentId.mask(e.residentId()),
                java.time.Period.between(e.birthDate(), today).getYears(), e.communityCode(),
                list.stream().filter(c -> Long.valueOf(c.id()).equals(categoryOf.get(e.id()))).findFirst()
                        .map(MealCategory::label).orElse(null)))
                .toList();
    }

    /**
     * Records the meal with the elder's category of today at the point (the first of the point's list the elder
     * meets; none when the elder meets none); empty when the elder already had this meal today (at any point), is not
     * an active elder of the region, or the point has not opened yet on that day ({@link #openOn(MealPoint,
     * LocalDate)}): a meal before the opening would be paid in the settlement.
     */
    @Transactional
    Optional<Long> record(MealPoint point, long elderId, MealKind meal, MealMode mode, RegionScope scope,
                          LocalDate today, String actor) {
        SqlFragment first = MealCategory.firstMatch(categories.inForce(point.communityCode(), today), today);
        List<Object> params = new java.util.ArrayList<>(List.of(today, meal.name(), mode.name()));
        params.addAll(first.params());
        params.addAll(List.of(actor, point.id(), today, elderId, scope.likePattern()));
        return jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        SELECT e.id, p.id, ?, ?, ?, %s, ? FROM elder e
                        JOIN meal_point p ON p.id = ? AND (p.opened_on IS NULL OR p.opened_on <= ?)
                        WHERE e.id = ? AND e.community_code LIKE ? AND e.life_status = 'ACTIVE'
                        ON CONFLICT (elder_id, served_on, meal) DO NOTHING
                        RETURNING id
                        """.formatted(first.sql()))
                .params(params)
                .query(Long.class).optional();
    }

    /** Whether the point serves meals on {@code day}: from the day it opened (a point without a date has opened). */
    static boolean openOn(MealPoint point, LocalDate day) {
        return point.openedOn() == null || !day.isBefore(point.openedOn());
    }

    @Transactional(readOnly = true)
    List<Served> today(long pointId, LocalDate today) {
        return jdbc.sql("""
                        SELECT m.id, e.name, m.meal, m.mode, c.name_zh, c.name_en, e.community_code
                        FROM meal m JOIN elder e ON e.id = m.elder_id LEFT JOIN meal_category c ON c.id = m.category_id
                        WHERE m.meal_point_id = ? AND m.served_on = ? ORDER BY m.id DESC LIMIT 500
                        """)
                .params(pointId, today)
                .query((rs, row) -> new Served(rs.getLong(1), rs.getString(2), MealKind.valueOf(rs.getString(3)),
                        MealMode.valueOf(rs.getString(4)), MealCategory.Label.of(rs.getString(5), rs.getString(6)),
                        rs.getString(7)))
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
                        RETURNING m.elder_id, e.name, m.meal, m.mode,
                            (SELECT name_zh FROM meal_category c WHERE c.id = m.category_id),
                            (SELECT name_en FROM meal_category c WHERE c.id = m.category_id), m.recorded_by
                        """)
                .params(mealId, pointId, today)
                .query((rs, row) -> new Undone(rs.getLong(1), rs.getString(2), MealKind.valueOf(rs.getString(3)),
                        MealMode.valueOf(rs.getString(4)), MealCategory.Label.of(rs.getString(5), rs.getString(6)),
                        rs.getString(7)))
                .optional();
    }
}
