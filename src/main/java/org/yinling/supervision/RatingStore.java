package org.yinling.supervision;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/**
 * Rows of {@code supervision_rating} and the rating schemes. A rating's institution is read through the region scope;
 * the institution's star level is a copy the database keeps from the latest decided rating (V53's trigger).
 */
@Repository
class RatingStore {

    private static final String SELECT = """
            SELECT r.*, i.name AS institution_name, COALESCE(ua.display_name, r.applied_by) AS applied_by_name,
                   COALESCE(ud.display_name, r.decided_by) AS decided_by_name
            FROM supervision_rating r JOIN institution i ON i.id = r.institution_id
            LEFT JOIN app_user ua ON ua.username = r.applied_by
            LEFT JOIN app_user ud ON ud.username = r.decided_by
            """;

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Rating(long id, long institutionId, String institutionName, long schemeId, int appliedGrade,
                  LocalDate appliedOn, String appliedBy, boolean decided, Map<RatingSection, BigDecimal> scores,
                  BigDecimal total, List<Integer> conditionsHeld, Integer grade, LocalDate ratedOn, LocalDate validUntil,
                  String note, String decidedBy, boolean legacy) {

        /** Whether the rating gave a grade that is still valid on the day. */
        public boolean validOn(LocalDate day) {
            return grade != null && !validUntil.isBefore(day);
        }

        public BigDecimal score(RatingSection section) {
            return scores.get(section);
        }
    }

    /** The grade an institution holds: its latest decided rating (null grade = not rated). */
    record Current(Integer grade, LocalDate ratedOn, LocalDate validUntil) {
    }

    Optional<Long> schemeFor(String communityCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT id FROM supervision_rating_scheme
                        WHERE :community LIKE region_prefix || '%' AND effective_from <= :day
                        ORDER BY length(region_prefix) DESC, effective_from DESC LIMIT 1
                        """).param("community", communityCode).param("day", day).query(Long.class).optional();
    }

    RatingScheme scheme(long id) {
        Map<RatingSection, BigDecimal> maxima = new EnumMap<>(RatingSection.class);
        jdbc.sql("SELECT section, max_score FROM supervision_rating_section WHERE scheme_id = :id").param("id", id)
                .query((rs, n) -> maxima.put(RatingSection.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list();
        List<RatingScheme.Threshold> thresholds = jdbc.sql("""
                        SELECT grade, min_total, min_section_percent FROM supervision_rating_threshold
                        WHERE scheme_id = :id ORDER BY grade
                        """).param("id", id)
                .query((rs, n) -> new RatingScheme.Threshold(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
        List<RatingScheme.Condition> conditions = jdbc.sql("""
                        SELECT position, name_zh, name_en FROM supervision_rating_condition
                        WHERE scheme_id = :id ORDER BY position
                        """).param("id", id)
                .query((rs, n) -> new RatingScheme.Condition(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        return jdbc.sql("SELECT source, validity_months FROM supervision_rating_scheme WHERE id = :id").param("id", id)
                .query((rs, n) -> new RatingScheme(id, rs.getString(1), rs.getInt(2), maxima, thresholds, conditions))
                .single();
    }

    List<Rating> ofInstitution(long institutionId) {
        return jdbc.sql(SELECT + " WHERE r.institution_id = :institution ORDER BY r.status = 'DECIDED', r.rated_on DESC NULLS FIRST, r.id DESC")
                .param("institution", institutionId).query(this::map).list();
    }

    Optional<Rating> find(long id, RegionScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND i.community_code LIKE :scope").param("id", id)
                .param("scope", scope.likePattern()).query(this::map).optional();
    }

    /** The region's ratings: applications under way first, then the latest decisions. */
    List<Rating> list(RegionScope scope, int limit, long offset) {
        return jdbc.sql(SELECT + """
                         WHERE i.community_code LIKE :scope
                         ORDER BY r.status = 'DECIDED', r.rated_on DESC NULLS FIRST, r.applied_on DESC, r.id DESC
                         LIMIT :limit OFFSET :offset
                        """).param("scope", scope.likePattern()).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    long count(RegionScope scope) {
        return jdbc.sql("""
                        SELECT count(*) FROM supervision_rating r JOIN institution i ON i.id = r.institution_id
                        WHERE i.community_code LIKE :scope
                        """).param("scope", scope.likePattern()).query(Long.class).single();
    }

    boolean applicationOpen(long institutionId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_rating WHERE institution_id = :id AND status = 'APPLIED')")
                .param("id", institutionId).query(Boolean.class).single();
    }

    long apply(long institutionId, long schemeId, int grade, LocalDate appliedOn, String actor) {
        return jdbc.sql("""
                        INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by)
                        VALUES (:institution, :scheme, :grade, :on, :actor) RETURNING id
                        """).param("institution", institutionId).param("scheme", schemeId).param("grade", grade)
                .param("on", appliedOn).param("actor", actor).query(Long.class).single();
    }

    /** Records the result of an application still under way; false when it was decided meanwhile. */
    boolean decide(long id, Map<RatingSection, BigDecimal> scores, BigDecimal total, List<Integer> held, Integer grade,
                   LocalDate ratedOn, LocalDate validUntil, String note, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE supervision_rating SET status = 'DECIDED', environment = :environment,
                            facilities = :facilities, operations = :operations, services = :services, total = :total,
                            conditions_held = CAST(:held AS INTEGER[]), grade = :grade, rated_on = :ratedOn,
                            valid_until = :validUntil, note = :note, decided_by = :actor, decided_at = :at
                        WHERE id = :id AND status = 'APPLIED'
                        """).param("environment", scores.get(RatingSection.ENVIRONMENT))
                .param("facilities", scores.get(RatingSection.FACILITIES))
                .param("operations", scores.get(RatingSection.OPERATIONS))
                .param("services", scores.get(RatingSection.SERVICES)).param("total", total)
                .param("held", "{" + String.join(",", held.stream().map(String::valueOf).toList()) + "}")
                .param("grade", grade).param("ratedOn", ratedOn).param("validUntil", validUntil).param("note", note)
                .param("actor", actor).param("at", at).param("id", id).update() == 1;
    }

    Optional<Current> current(long institutionId) {
        return jdbc.sql("""
                        SELECT grade, rated_on, valid_until FROM supervision_rating
                        WHERE institution_id = :id AND status = 'DECIDED' ORDER BY rated_on DESC, id DESC LIMIT 1
                        """).param("id", institutionId)
                .query((rs, n) -> new Current((Integer) rs.getObject("grade", Integer.class),
                        rs.getObject("rated_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class)))
                .optional();
    }

    /**
     * Institutions in operation of the region by the grade they hold today: keys 1..5, 0 for none (never rated or not
     * rated), -1 for a grade whose validity has ended.
     */
    Map<Integer, Long> byGrade(RegionScope scope, LocalDate today) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int grade = 5; grade >= -1; grade--) {
            counts.put(grade, 0L);
        }
        jdbc.sql("""
                        SELECT CASE WHEN g.grade IS NULL THEN 0 WHEN g.valid_until < :today THEN -1 ELSE g.grade END AS k,
                               count(*) AS n
                        FROM institution i
                        LEFT JOIN LATERAL (SELECT r.grade, r.valid_until FROM supervision_rating r
                                           WHERE r.institution_id = i.id AND r.status = 'DECIDED'
                                           ORDER BY r.rated_on DESC, r.id DESC LIMIT 1) g ON TRUE
                        WHERE i.community_code LIKE :scope AND i.status <> 'CLOSED'
                        GROUP BY 1
                        """).param("scope", scope.likePattern()).param("today", today)
                .query((rs, n) -> counts.put(rs.getInt("k"), rs.getLong("n"))).list();
        return counts;
    }

    private Rating map(ResultSet rs, int row) throws SQLException {
        Map<RatingSection, BigDecimal> scores = new EnumMap<>(RatingSection.class);
        for (RatingSection section : RatingSection.values()) {
            BigDecimal score = rs.getBigDecimal(section.name().toLowerCase(java.util.Locale.ROOT));
            if (score != null) {
                scores.put(section, score);
            }
        }
        Array array = rs.getArray("conditions_held");
        List<Integer> held = array == null ? List.of()
                : new ArrayList<>(Arrays.asList((Integer[]) array.getArray()));
        return new Rating(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getLong("scheme_id"), rs.getInt("applied_grade"), rs.getObject("applied_on", LocalDate.class),
                rs.getString("applied_by_name"), "DECIDED".equals(rs.getString("status")), scores,
                rs.getBigDecimal("total"), held, rs.getObject("grade", Integer.class),
                rs.getObject("rated_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("note"), rs.getString("decided_by_name"), rs.getBoolean("legacy"));
    }
}
