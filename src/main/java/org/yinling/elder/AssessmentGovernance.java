package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionScope;

/**
 * Assessment agencies, the validity of assessments per region and date, and the due list (issue 21 §5). The due list
 * reads {@code elder.assessment_valid_until} (kept with the latest assessment) through elder_assessment_due_idx.
 */
@Component
class AssessmentGovernance {

    /** An elder whose latest assessment runs out within the window. */
    record Due(long elderId, String name, String residentId, String communityCode, int level, LocalDate validUntil) {
    }

    private final JdbcClient jdbc;

    AssessmentGovernance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agencies of the scope's district and of the regions in it (a scope below a district sees its district's). */
    List<AssessmentAgency> agencies(RegionScope scope) {
        String district = scope.prefix().length() >= 6 ? scope.prefix().substring(0, 6) : scope.prefix();
        return jdbc.sql("""
                        SELECT id, name, region_code, active FROM assessment_agency
                        WHERE region_code LIKE :district ORDER BY active DESC, name, id
                        """)
                .param("district", district + "%")
                .query((rs, i) -> new AssessmentAgency(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    Optional<AssessmentAgency> agency(long id) {
        return jdbc.sql("SELECT id, name, region_code, active FROM assessment_agency WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new AssessmentAgency(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    boolean nameTaken(String regionCode, String name) {
        return jdbc.sql("SELECT count(*) FROM assessment_agency WHERE region_code = :region AND name = :name")
                .param("region", regionCode).param("name", name).query(Long.class).single() > 0;
    }

    long addAgency(String name, String regionCode, String actor) {
        return jdbc.sql("""
                        INSERT INTO assessment_agency (name, region_code, created_by) VALUES (:name, :region, :actor)
                        RETURNING id
                        """)
                .param("name", name).param("region", regionCode).param("actor", actor)
                .query(Long.class).single();
    }

    /**
     * Months an assessment made on the day in the community holds: the row of the community or its nearest ancestor in
     * force then (the longest matching code prefix), else the default.
     */
    int validityMonths(String communityCode, LocalDate on) {
        return jdbc.sql("""
                        SELECT months FROM assessment_validity
                        WHERE effective_from <= :on
                          AND (region_code IS NULL OR :community LIKE rtrim(region_code, '0') || '%')
                        ORDER BY length(coalesce(rtrim(region_code, '0'), '')) DESC, effective_from DESC LIMIT 1
                        """)
                .param("on", on).param("community", communityCode)
                .query(Integer.class).optional().orElse(12);
    }

    /** A validity row: months from a day, for a region (null: the default). */
    record Validity(String regionCode, int months, LocalDate effectiveFrom, String source) {
    }

    /** The default rows and those of the scope's district and the regions in it, newest first. */
    List<Validity> validities(RegionScope scope) {
        String district = scope.prefix().length() >= 6 ? scope.prefix().substring(0, 6) : scope.prefix();
        return jdbc.sql("""
                        SELECT region_code, months, effective_from, source FROM assessment_validity
                        WHERE region_code IS NULL OR region_code LIKE :district
                        ORDER BY effective_from DESC, region_code NULLS LAST
                        """)
                .param("district", district + "%")
                .query((rs, i) -> new Validity(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }

    /** Adds a validity for a region from a day; false when the region already has one starting that day. */
    boolean addValidity(String regionCode, int months, LocalDate from, String source, String actor) {
        return jdbc.sql("""
                        INSERT INTO assessment_validity (region_code, months, effective_from, source, created_by)
                        VALUES (:region, :months, :from, :source, :actor) ON CONFLICT DO NOTHING
                        """)
                .param("region", regionCode).param("months", months).param("from", from)
                .param("source", source).param("actor", actor).update() == 1;
    }

    /** The elder's latest assessment's last valid day onto the elder row (same transaction as the assessment). */
    void keepValidity(long elderId) {
        jdbc.sql("""
                        UPDATE elder SET assessment_valid_until = (
                            SELECT valid_until FROM assessment WHERE elder_id = :id
                            ORDER BY assessed_on DESC, id DESC LIMIT 1)
                        WHERE id = :id
                        """)
                .param("id", elderId).update();
    }

    /** The latest assessment's id, for a re-assessment that reviews it. */
    Optional<Long> latest(long elderId) {
        return jdbc.sql("SELECT id FROM assessment WHERE elder_id = :id ORDER BY assessed_on DESC, id DESC LIMIT 1")
                .param("id", elderId).query(Long.class).optional();
    }

    /** Active elders of the scope whose assessment runs out from {@code from} to {@code to}, soonest first. */
    List<Due> due(RegionScope scope, LocalDate from, LocalDate to, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, name, resident_id, community_code, coalesce(capability_level, -1), assessment_valid_until
                        FROM elder
                        WHERE life_status = 'ACTIVE' AND assessment_valid_until BETWEEN :from AND :to
                          AND community_code LIKE :scope
                        ORDER BY assessment_valid_until, id
                        OFFSET :offset LIMIT :limit
                        """)
                .param("from", from).param("to", to).param("scope", scope.likePattern())
                .param("offset", offset).param("limit", limit)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    long dueCount(RegionScope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) FROM elder
                        WHERE life_status = 'ACTIVE' AND assessment_valid_until BETWEEN :from AND :to
                          AND community_code LIKE :scope
                        """)
                .param("from", from).param("to", to).param("scope", scope.likePattern())
                .query(Long.class).single();
    }
}
