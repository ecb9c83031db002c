package org.yinling.elder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.audit.AuditLog;

/**
 * The registry change a confirmed list makes, as one SQL statement: every MATCHED elder who is still active and
 * still inside the list's region becomes deceased or moved out; then {@link AuditLog} writes an audit row per changed
 * elder in one more statement of the same transaction (the elder's change history reads them). MATCHED rows whose
 * elder changed meanwhile become CONFLICTs, so the stored outcome tells what really happened. The caller holds the
 * transaction and the lock on the list.
 */
@Component
class StatusImportChanges {

    private static final String APPLY = """
            WITH target AS (
                -- an elder listed twice (same date) is changed once, from the first row
                SELECT DISTINCT ON (r.elder_id) r.elder_id, r.event_date,
                       left(concat_ws(' ', r.agency, nullif(r.document_no, '')), 200) AS reason
                FROM status_import_row r
                WHERE r.import_id = :importId AND r.outcome = 'MATCHED'
                ORDER BY r.elder_id, r.row_no
            ), changed AS (
                UPDATE elder e
                SET life_status = :lifeStatus, life_status_date = t.event_date, life_status_reason = t.reason,
                    life_status_recorded_at = now(),
                    updated_by = :actor, updated_at = now(), version = e.version + 1
                FROM target t
                WHERE e.id = t.elder_id
                  -- re-checked: since the upload someone may have recorded the death by hand or moved the elder
                  AND e.life_status = 'ACTIVE'
                  AND e.community_code LIKE :scope
                RETURNING e.id, e.life_status_date, e.life_status_reason
            ), skipped AS (
                UPDATE status_import_row r
                SET outcome = 'CONFLICT', reason = 'statusImport.reason.changedSinceUpload'
                WHERE r.import_id = :importId AND r.outcome = 'MATCHED'
                  AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.id = r.elder_id)
            )
            SELECT id, life_status_date, life_status_reason FROM changed ORDER BY id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    StatusImportChanges(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Applies the list and audits each change; returns the elders changed and their dates. */
    List<Changed> apply(StatusImportSummary list, String actor) {
        List<Changed> changed = jdbc.sql(APPLY)
                .param("importId", list.id())
                .param("lifeStatus", list.kind().lifeStatus().name())
                .param("actor", actor)
                .param("scope", list.scopePrefix() + "%")
                .query((rs, i) -> new Changed(rs.getLong("id"), rs.getObject("life_status_date", LocalDate.class),
                        rs.getString("life_status_reason")))
                .list();
        audit.recordAllAs(actor, list.kind().auditAction(), ElderService.ENTITY, changed.stream()
                .map(c -> new AuditLog.Entry(c.elderId(), details(c, list.id()))).toList());
        return changed;
    }

    private static Map<String, Object> details(Changed change, long importId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("date", change.date() == null ? null : change.date().toString());
        details.put("reason", change.reason());
        details.put("statusImportId", importId);
        return details;
    }

    record Changed(long elderId, LocalDate date, String reason) {
    }
}
