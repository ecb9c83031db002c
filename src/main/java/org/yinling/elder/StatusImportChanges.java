package org.yinling.elder;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry change a confirmed list makes, as one SQL statement: every MATCHED elder who is still active and
 * still inside the list's region becomes deceased or moved out, with an audit row per elder in the same statement
 * (the elder's change history reads them). MATCHED rows whose elder changed meanwhile become CONFLICTs, so the
 * stored outcome tells what really happened. The caller holds the transaction and the lock on the list.
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
                    updated_by = :actor, updated_at = now(), version = e.version + 1
                FROM target t
                WHERE e.id = t.elder_id
                  -- re-checked: since the upload someone may have recorded the death by hand or moved the elder
                  AND e.life_status = 'ACTIVE'
                  AND e.community_code LIKE :scope
                RETURNING e.id, e.life_status_date, e.life_status_reason
            ), audited AS (
                INSERT INTO audit_event (actor, action, entity, entity_id, details)
                SELECT :actor, :auditAction, :entity, CAST(c.id AS varchar),
                       jsonb_build_object('date', to_char(c.life_status_date, 'YYYY-MM-DD'),
                                          'reason', c.life_status_reason,
                                          'statusImportId', CAST(:importId AS bigint))
                FROM changed c
            ), skipped AS (
                UPDATE status_import_row r
                SET outcome = 'CONFLICT', reason = 'statusImport.reason.changedSinceUpload'
                WHERE r.import_id = :importId AND r.outcome = 'MATCHED'
                  AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.id = r.elder_id)
            )
            SELECT id, life_status_date FROM changed ORDER BY id
            """;

    private final JdbcClient jdbc;

    StatusImportChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the list; returns the elders changed and their dates. */
    List<Changed> apply(StatusImportSummary list, String actor) {
        return jdbc.sql(APPLY)
                .param("importId", list.id())
                .param("lifeStatus", list.kind().lifeStatus().name())
                .param("auditAction", list.kind().auditAction())
                .param("entity", ElderService.ENTITY)
                .param("actor", actor)
                .param("scope", list.scopePrefix() + "%")
                .query((rs, i) -> new Changed(rs.getLong("id"), rs.getObject("life_status_date", LocalDate.class)))
                .list();
    }

    record Changed(long elderId, LocalDate date) {
    }
}
