package org.yinling.elder;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes lists and their rows, and classifies the rows against the registry in SQL, all rows of a list at once.
 * Callers hold the transaction.
 */
@Component
class StatusImportStore {

    private static final String INSERT_ROW = """
            INSERT INTO status_import_row (import_id, row_no, raw_resident_id, resident_id, raw_date, event_date,
                                           agency, document_no, outcome, reason)
            VALUES (:importId, :rowNo, :rawResidentId, :residentId, :rawDate, :eventDate,
                    :agency, :documentNo, :outcome, :reason)
            """;

    /**
     * Every row not already INVALID gets its elder (only inside the uploader's scope, so an ID registered elsewhere
     * stays UNMATCHED and nothing about that record shows) and the reason of its outcome. Problems of the list itself
     * (a future date, one ID with two dates) come first, then the match, then problems of the match. The outcome
     * follows from the reason; a plain match has none, and a repeat of an earlier identical row is a match too
     * (confirmation changes each elder once).
     */
    private static final String CLASSIFY = """
            WITH checked AS (
                SELECT r.row_no, e.id AS elder_id,
                       CASE
                           WHEN r.event_date > :today THEN 'statusImport.reason.futureDate'
                           WHEN min(r.event_date) OVER same_id <> max(r.event_date) OVER same_id
                               THEN 'statusImport.reason.differentDates'
                           WHEN e.id IS NULL THEN 'statusImport.reason.notFound'
                           WHEN r.event_date < e.birth_date THEN 'statusImport.reason.beforeBirth'
                           WHEN e.life_status = 'DECEASED' THEN 'statusImport.reason.alreadyDeceased'
                           WHEN e.life_status = 'MOVED_OUT' THEN 'statusImport.reason.alreadyMovedOut'
                           WHEN row_number() OVER (PARTITION BY r.resident_id ORDER BY r.row_no) > 1
                               THEN 'statusImport.reason.repeated'
                       END AS reason
                FROM status_import_row r
                LEFT JOIN elder e ON e.resident_id = r.resident_id AND e.community_code LIKE :scope
                WHERE r.import_id = :importId AND r.outcome IS NULL
                WINDOW same_id AS (PARTITION BY r.resident_id)
            )
            UPDATE status_import_row r
            SET elder_id = c.elder_id,
                reason = c.reason,
                outcome = CASE
                              WHEN c.reason IN ('statusImport.reason.futureDate', 'statusImport.reason.differentDates',
                                                'statusImport.reason.beforeBirth') THEN 'CONFLICT'
                              WHEN c.reason = 'statusImport.reason.notFound' THEN 'UNMATCHED'
                              WHEN c.reason IN ('statusImport.reason.alreadyDeceased',
                                                'statusImport.reason.alreadyMovedOut') THEN 'ALREADY_INACTIVE'
                              ELSE 'MATCHED'
                          END
            FROM checked c
            WHERE r.import_id = :importId AND r.row_no = c.row_no
            """;

    private static final String COUNT = """
            UPDATE status_import s
            SET row_count = c.total, matched_count = c.matched, unmatched_count = c.unmatched,
                already_inactive_count = c.already_inactive, conflict_count = c.conflict, invalid_count = c.invalid
            FROM (SELECT count(*) AS total,
                         count(*) FILTER (WHERE outcome = 'MATCHED') AS matched,
                         count(*) FILTER (WHERE outcome = 'UNMATCHED') AS unmatched,
                         count(*) FILTER (WHERE outcome = 'ALREADY_INACTIVE') AS already_inactive,
                         count(*) FILTER (WHERE outcome = 'CONFLICT') AS conflict,
                         count(*) FILTER (WHERE outcome = 'INVALID') AS invalid
                  FROM status_import_row WHERE import_id = :importId) c
            WHERE s.id = :importId
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    StatusImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long create(StatusImportKind kind, String fileName, String scopePrefix, String actor) {
        return jdbc.sql("""
                        INSERT INTO status_import (kind, file_name, created_by, scope_prefix)
                        VALUES (:kind, :fileName, :actor, :scopePrefix)
                        RETURNING id
                        """)
                .param("kind", kind.name())
                .param("fileName", fileName)
                .param("actor", actor)
                .param("scopePrefix", scopePrefix)
                .query(Long.class).single();
    }

    void insert(long importId, List<StatusImportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = lines.stream().map(line -> row(importId, line)).toArray(SqlParameterSource[]::new);
        batch.batchUpdate(INSERT_ROW, rows);
    }

    /** Classifies the rows read from the file and stores the counts on the list. */
    void classify(long importId, String scopePattern, LocalDate today) {
        jdbc.sql(CLASSIFY).param("importId", importId).param("scope", scopePattern).param("today", today).update();
        count(importId);
    }

    void count(long importId) {
        jdbc.sql(COUNT).param("importId", importId).update();
    }

    /** Marks a list CONFIRMED or CANCELLED; returns false if it was no longer open. */
    boolean decide(long importId, StatusImportState state, String actor, Integer appliedCount) {
        return jdbc.sql("""
                        UPDATE status_import
                        SET state = :state, decided_by = :actor, decided_at = now(), applied_count = :applied
                        WHERE id = :importId AND state = 'UPLOADED'
                        """)
                .param("state", state.name())
                .param("actor", actor)
                .param("applied", appliedCount, Types.INTEGER)
                .param("importId", importId)
                .update() == 1;
    }

    private static SqlParameterSource row(long importId, StatusImportLine line) {
        // types spelled out so that NULLs bind without the driver having to guess
        return new MapSqlParameterSource()
                .addValue("importId", importId)
                .addValue("rowNo", line.rowNo())
                .addValue("rawResidentId", line.rawResidentId(), Types.VARCHAR)
                .addValue("residentId", line.residentId(), Types.VARCHAR)
                .addValue("rawDate", line.rawDate(), Types.VARCHAR)
                .addValue("eventDate", line.date(), Types.DATE)
                .addValue("agency", line.agency(), Types.VARCHAR)
                .addValue("documentNo", line.documentNo(), Types.VARCHAR)
                .addValue("outcome", line.outcome() == null ? null : line.outcome().name(), Types.VARCHAR)
                .addValue("reason", line.reason(), Types.VARCHAR);
    }
}
