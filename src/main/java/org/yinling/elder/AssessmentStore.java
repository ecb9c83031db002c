package org.yinling.elder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Assessments are appended, never changed: the history is the record. */
@Component
class AssessmentStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssessmentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long elderId, AssessmentForm form, Map<AssessmentItem, Integer> scores,
                CapabilityScoring.AssessmentResult result, java.time.LocalDate validUntil, Long reviews, String actor) {
        Map<String, Integer> byName = new TreeMap<>();
        scores.forEach((item, score) -> byName.put(item.name(), score));
        return jdbc.sql("""
                        INSERT INTO assessment (elder_id, assessed_on, reason, item_scores, total, base_level, level,
                                                coma, dementia, risk_events, assessor, created_by,
                                                second_assessor, agency_id, valid_until, reviews_id, review_cause,
                                                review_note)
                        VALUES (:elderId, :assessedOn, :reason, CAST(:scores AS jsonb), :total, :baseLevel, :level,
                                :coma, :dementia, :riskEvents, :assessor, :actor,
                                :second, :agency, :validUntil, :reviews, :cause, :note)
                        RETURNING id
                        """)
                .param("elderId", elderId)
                .param("assessedOn", form.getAssessedOn())
                .param("reason", form.getReason().name())
                .param("scores", json.writeValueAsString(byName))
                .param("total", result.total())
                .param("baseLevel", result.baseLevel().code())
                .param("level", result.level().code())
                .param("coma", form.isComa())
                .param("dementia", form.isDementia())
                .param("riskEvents", form.getRiskEvents())
                .param("assessor", form.getAssessor().trim())
                .param("actor", actor)
                .param("second", form.getSecondAssessor().trim())
                .param("agency", form.getAgencyId())
                .param("validUntil", validUntil)
                .param("reviews", reviews)
                .param("cause", reviews == null ? null : form.getReviewCause().name())
                .param("note", reviews == null || form.getReviewNote().isEmpty() ? null : form.getReviewNote())
                .query(Long.class).single();
    }

    /** The level of the elder's latest assessment (by date, then by entry). */
    int latestLevel(long elderId) {
        return jdbc.sql("SELECT level FROM assessment WHERE elder_id = :id ORDER BY assessed_on DESC, id DESC LIMIT 1")
                .param("id", elderId).query(Integer.class).single();
    }

    List<AssessmentRecord> history(long elderId) {
        return jdbc.sql("""
                        SELECT a.id, assessed_on, reason, total, base_level, level, coma, dementia, risk_events, assessor,
                               second_assessor, g.name AS agency_name, valid_until, review_cause, review_note
                        FROM assessment a LEFT JOIN assessment_agency g ON g.id = a.agency_id
                        WHERE elder_id = :id ORDER BY assessed_on DESC, a.id DESC
                        """)
                .param("id", elderId)
                .query((rs, i) -> new AssessmentRecord(rs.getLong("id"), rs.getObject("assessed_on", java.time.LocalDate.class),
                        AssessmentReason.valueOf(rs.getString("reason")), rs.getInt("total"),
                        CapabilityLevel.fromCode(rs.getInt("base_level")), CapabilityLevel.fromCode(rs.getInt("level")),
                        rs.getBoolean("coma"), rs.getBoolean("dementia"), rs.getInt("risk_events"), rs.getString("assessor"),
                        rs.getString("second_assessor"), rs.getString("agency_name"),
                        rs.getObject("valid_until", java.time.LocalDate.class),
                        rs.getString("review_cause") == null ? null : ReviewCause.valueOf(rs.getString("review_cause")),
                        rs.getString("review_note")))
                .list();
    }

    /** One assessment of the elder with its item scores (item name to score), for the printed report. */
    java.util.Optional<Map.Entry<AssessmentRecord, Map<String, Integer>>> withScores(long elderId, Long assessmentId) {
        return jdbc.sql("""
                        SELECT a.id, assessed_on, reason, total, base_level, level, coma, dementia, risk_events, assessor,
                               item_scores::text AS scores, second_assessor, g.name AS agency_name, valid_until,
                               review_cause, review_note
                        FROM assessment a LEFT JOIN assessment_agency g ON g.id = a.agency_id
                        WHERE elder_id = :id AND (CAST(:aid AS bigint) IS NULL OR a.id = :aid)
                        ORDER BY assessed_on DESC, a.id DESC LIMIT 1
                        """)
                .param("id", elderId)
                .param("aid", assessmentId)
                .query((rs, i) -> Map.entry(new AssessmentRecord(rs.getLong("id"),
                                rs.getObject("assessed_on", java.time.LocalDate.class),
                                AssessmentReason.valueOf(rs.getString("reason")), rs.getInt("total"),
                                CapabilityLevel.fromCode(rs.getInt("base_level")), CapabilityLevel.fromCode(rs.getInt("level")),
                                rs.getBoolean("coma"), rs.getBoolean("dementia"), rs.getInt("risk_events"),
                                rs.getString("assessor"), rs.getString("second_assessor"), rs.getString("agency_name"),
                                rs.getObject("valid_until", java.time.LocalDate.class),
                                rs.getString("review_cause") == null ? null
                                        : ReviewCause.valueOf(rs.getString("review_cause")),
                                rs.getString("review_note")),
                        scores(rs.getString("scores"))))
                .optional();
    }

    private Map<String, Integer> scores(String text) {
        Map<String, Integer> scores = new TreeMap<>();
        json.readTree(text).properties().forEach(e -> scores.put(e.getKey(), e.getValue().asInt()));
        return scores;
    }
}
