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
                CapabilityScoring.AssessmentResult result, String actor) {
        Map<String, Integer> byName = new TreeMap<>();
        scores.forEach((item, score) -> byName.put(item.name(), score));
        return jdbc.sql("""
                        INSERT INTO assessment (elder_id, assessed_on, reason, item_scores, total, base_level, level,
                                                coma, dementia, risk_events, assessor, created_by)
                        VALUES (:elderId, :assessedOn, :reason, CAST(:scores AS jsonb), :total, :baseLevel, :level,
                                :coma, :dementia, :riskEvents, :assessor, :actor)
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
                .query(Long.class).single();
    }

    /** The level of the elder's latest assessment (by date, then by entry). */
    int latestLevel(long elderId) {
        return jdbc.sql("SELECT level FROM assessment WHERE elder_id = :id ORDER BY assessed_on DESC, id DESC LIMIT 1")
                .param("id", elderId).query(Integer.class).single();
    }

    List<AssessmentRecord> history(long elderId) {
        return jdbc.sql("""
                        SELECT id, assessed_on, reason, total, base_level, level, coma, dementia, risk_events, assessor
                        FROM assessment WHERE elder_id = :id ORDER BY assessed_on DESC, id DESC
                        """)
                .param("id", elderId)
                .query((rs, i) -> new AssessmentRecord(rs.getLong("id"), rs.getObject("assessed_on", java.time.LocalDate.class),
                        AssessmentReason.valueOf(rs.getString("reason")), rs.getInt("total"),
                        CapabilityLevel.fromCode(rs.getInt("base_level")), CapabilityLevel.fromCode(rs.getInt("level")),
                        rs.getBoolean("coma"), rs.getBoolean("dementia"), rs.getInt("risk_events"), rs.getString("assessor")))
                .list();
    }

    /** One assessment of the elder with its item scores (item name to score), for the printed report. */
    java.util.Optional<Map.Entry<AssessmentRecord, Map<String, Integer>>> withScores(long elderId, Long assessmentId) {
        return jdbc.sql("""
                        SELECT id, assessed_on, reason, total, base_level, level, coma, dementia, risk_events, assessor,
                               item_scores::text AS scores
                        FROM assessment WHERE elder_id = :id AND (CAST(:aid AS bigint) IS NULL OR id = :aid)
                        ORDER BY assessed_on DESC, id DESC LIMIT 1
                        """)
                .param("id", elderId)
                .param("aid", assessmentId)
                .query((rs, i) -> Map.entry(new AssessmentRecord(rs.getLong("id"),
                                rs.getObject("assessed_on", java.time.LocalDate.class),
                                AssessmentReason.valueOf(rs.getString("reason")), rs.getInt("total"),
                                CapabilityLevel.fromCode(rs.getInt("base_level")), CapabilityLevel.fromCode(rs.getInt("level")),
                                rs.getBoolean("coma"), rs.getBoolean("dementia"), rs.getInt("risk_events"),
                                rs.getString("assessor")),
                        scores(rs.getString("scores"))))
                .optional();
    }

    private Map<String, Integer> scores(String text) {
        Map<String, Integer> scores = new TreeMap<>();
        json.readTree(text).properties().forEach(e -> scores.put(e.getKey(), e.getValue().asInt()));
        return scores;
    }
}
