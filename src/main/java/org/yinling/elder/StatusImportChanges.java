package org.yinling.elder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.audit.AuditLog;

/**
 * The registry change an applied list makes, as one SQL statement: every MATCHED elder who is still active and still
 * inside the list's region becomes deceased or moved out, or gets the list's new community, economic status or
 * disability certificate; then {@link AuditLog} writes an audit row per changed elder in one more statement of the same
 * transaction (the elder's change history reads them). MATCHED rows whose elder changed meanwhile become CONFLICTs,
 * so the stored outcome tells what really happened; a row reporting what the record already says changes nothing.
 * The caller holds the transaction and the lock on the list.
 */
@Component
class StatusImportChanges {

    private static final String APPLY = """
            WITH target AS (
                -- an elder listed twice (same date, same report) is changed once, from the first row
                SELECT DISTINCT ON (r.elder_id) r.elder_id, r.event_date, r.community_code, r.economic_status,
                       r.disability_category, r.disability_level,
                       left(concat_ws(' ', r.agency, nullif(r.document_no, '')), 200) AS reason
                FROM status_import_row r
                WHERE r.import_id = :importId AND r.outcome = 'MATCHED'
                  AND r.reason IS DISTINCT FROM 'statusImport.reason.unchanged'
                ORDER BY r.elder_id, r.row_no
            ), changed AS (
                UPDATE elder e
                SET %s,
                    updated_by = :actor, updated_at = now(), version = e.version + 1
                FROM target t JOIN elder old ON old.id = t.elder_id
                WHERE e.id = t.elder_id
                  -- re-checked: since the upload someone may have recorded the death by hand or moved the elder
                  AND e.life_status = 'ACTIVE'
                  AND e.community_code LIKE :scope
                RETURNING e.id, t.event_date, t.reason,
                          old.community_code AS old_community, e.community_code AS new_community,
                          old.economic_status AS old_economic, e.economic_status AS new_economic,
                          old.disability_category AS old_category, e.disability_category AS new_category,
                          old.disability_level AS old_level, e.disability_level AS new_level
            ), skipped AS (
                UPDATE status_import_row r
                SET outcome = 'CONFLICT', reason = 'statusImport.reason.changedSinceUpload'
                WHERE r.import_id = :importId AND r.outcome = 'MATCHED'
                  AND r.reason IS DISTINCT FROM 'statusImport.reason.unchanged'
                  -- NOT IN over the CTE is a hashed subplan: NOT EXISTS was planned as a nested loop over the CTE's
                  -- rows (it has no statistics), one scan of every changed elder per row: 10,000 rows took seconds
                  AND r.elder_id NOT IN (SELECT c.id FROM changed c)
            )
            SELECT * FROM changed ORDER BY id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    StatusImportChanges(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Applies the list and audits each change as {@code actor}; returns the elders changed and their dates. */
    List<Changed> apply(StatusImportSummary list, String actor) {
        StatusImportKind kind = list.kind();
        List<Changed> changed = jdbc.sql(APPLY.formatted(assignments(kind)))
                .param("importId", list.id())
                .param("lifeStatus", kind.lifeEvent() ? kind.lifeStatus().name() : null)
                .param("actor", actor)
                .param("scope", list.scopePrefix() + "%")
                .query((rs, i) -> new Changed(rs.getLong("id"), rs.getObject("event_date", LocalDate.class),
                        rs.getString("reason"), field(kind, rs.getString("old_community"),
                        rs.getString("old_economic"), rs.getString("old_category"), rs.getObject("old_level")),
                        field(kind, rs.getString("new_community"), rs.getString("new_economic"),
                                rs.getString("new_category"), rs.getObject("new_level"))))
                .list();
        audit.recordAllAs(actor, kind.auditAction(), ElderService.ENTITY, changed.stream()
                .map(c -> new AuditLog.Entry(c.elderId(), details(kind, c, list.id()))).toList());
        return changed;
    }

    /** The SET clause of each kind. */
    private static String assignments(StatusImportKind kind) {
        return switch (kind) {
            case DEATH, MOVE_OUT -> """
                    life_status = :lifeStatus, life_status_date = t.event_date, life_status_reason = t.reason,
                    life_status_recorded_at = now()""";
            case MOVE_IN -> "community_code = t.community_code";
            case ECONOMIC_STATUS -> "economic_status = t.economic_status";
            case DISABILITY -> "disability_category = t.disability_category, disability_level = t.disability_level";
        };
    }

    /** The fields a change of circumstance changed, named as {@link ElderSnapshot} names them; empty for life events. */
    private static Map<String, Object> field(StatusImportKind kind, String community, String economic,
                                             String category, Object level) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (kind) {
            case MOVE_IN -> fields.put("communityCode", community);
            case ECONOMIC_STATUS -> fields.put("economicStatus", economic);
            case DISABILITY -> {
                fields.put("disabilityCategory", category);
                fields.put("disabilityLevel", level == null ? null : ((Number) level).intValue());
            }
            default -> { }
        }
        return fields;
    }

    private static Map<String, Object> details(StatusImportKind kind, Changed change, long importId) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (!kind.lifeEvent()) {
            // a correction's shape, which the elder's change history shows field by field
            details.put("before", change.before());
            details.put("after", change.after());
        }
        details.put("date", change.date() == null ? null : change.date().toString());
        details.put("reason", change.reason());
        details.put("statusImportId", importId);
        return details;
    }

    record Changed(long elderId, LocalDate date, String reason, Map<String, Object> before,
                   Map<String, Object> after) {
    }
}
