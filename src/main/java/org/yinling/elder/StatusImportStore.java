package org.yinling.elder;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes lists and their rows, and classifies the rows against the registry in SQL, all rows of a list at once.
 * Callers hold the transaction.
 */
@Component
class StatusImportStore {

    /** All rows of a batch in one statement, column by column as arrays. */
    private static final String INSERT_ROWS = """
            INSERT INTO status_import_row (import_id, row_no, raw_resident_id, resident_id, raw_date, event_date,
                                           agency, document_no, outcome, reason, community_code, economic_status,
                                           disability_category, disability_level)
            SELECT :importId, t.*
            FROM unnest(CAST(:rowNos AS int[]), CAST(:rawResidentIds AS varchar[]), CAST(:residentIds AS varchar[]),
                        CAST(:rawDates AS varchar[]), CAST(:eventDates AS date[]), CAST(:agencies AS varchar[]),
                        CAST(:documentNos AS varchar[]), CAST(:outcomes AS varchar[]), CAST(:reasons AS varchar[]),
                        CAST(:communityCodes AS varchar[]), CAST(:economicStatuses AS varchar[]),
                        CAST(:disabilityCategories AS varchar[]), CAST(:disabilityLevels AS smallint[])) AS t
            """;

    /**
     * Every row not already INVALID gets its elder (only inside the uploader's scope, so an ID registered elsewhere
     * stays UNMATCHED and nothing about that record shows) and the reason of its outcome. Problems of the row that
     * need the region table come first (a move into a community that does not exist or lies outside the region),
     * then problems of the list itself (a future date, one ID with two dates or two different reports), then the
     * match, then problems of the match. The outcome follows from the reason; a plain match has none, and a repeat of
     * an earlier identical row is a match too (confirmation changes each elder once), as is a report of what the
     * record already says (nothing to change).
     */
    private static final String CLASSIFY = """
            SELECT r.row_no, e.id AS elder_id,
                   CASE
                       WHEN r.community_code IS NOT NULL AND NOT EXISTS (
                                SELECT 1 FROM region g WHERE g.code = r.community_code AND g.level = 'COMMUNITY')
                           THEN 'statusImport.reason.communityUnknown'
                       WHEN r.community_code NOT LIKE :scope THEN 'statusImport.reason.communityOutsideRegion'
                       WHEN r.event_date > :today THEN 'statusImport.reason.futureDate'
                       WHEN min(r.event_date) OVER same_id <> max(r.event_date) OVER same_id
                           THEN 'statusImport.reason.differentDates'
                       WHEN min(r.report) OVER same_id <> max(r.report) OVER same_id
                           THEN 'statusImport.reason.differentReports'
                       WHEN e.id IS NULL THEN 'statusImport.reason.notFound'
                       WHEN r.event_date < e.birth_date THEN 'statusImport.reason.beforeBirth'
                       WHEN e.life_status = 'DECEASED' THEN 'statusImport.reason.alreadyDeceased'
                       WHEN e.life_status = 'MOVED_OUT' THEN 'statusImport.reason.alreadyMovedOut'
                       WHEN row_number() OVER (PARTITION BY r.resident_id ORDER BY r.row_no) > 1
                           THEN 'statusImport.reason.repeated'
                       WHEN r.community_code = e.community_code
                            OR r.economic_status = e.economic_status
                            OR (r.disability_category = e.disability_category
                                AND r.disability_level = e.disability_level)
                           THEN 'statusImport.reason.unchanged'
                   END AS reason
            FROM (SELECT r.*, concat_ws('|', r.community_code, r.economic_status, r.disability_category,
                                        r.disability_level) AS report
                  FROM status_import_row r
                  WHERE r.import_id = :importId AND r.outcome IS NULL) r
            LEFT JOIN elder e ON e.resident_id = r.resident_id AND e.community_code LIKE :scope
            WINDOW same_id AS (PARTITION BY r.resident_id)
            """;

    /**
     * Stores the classification, its rows given as arrays: the planner then knows how many there are (the list's
     * rows, written in this transaction, are not in the table's statistics yet, and a join of the classifying query
     * with them was planned as a nested loop that ran the query again for every row: 3,000 rows took 19 s).
     */
    private static final String STORE_CLASSIFIED = """
            UPDATE status_import_row r
            SET elder_id = c.elder_id,
                reason = c.reason,
                outcome = CASE
                              WHEN c.reason IN ('statusImport.reason.communityUnknown',
                                                'statusImport.reason.communityOutsideRegion') THEN 'INVALID'
                              WHEN c.reason IN ('statusImport.reason.futureDate', 'statusImport.reason.differentDates',
                                                'statusImport.reason.differentReports',
                                                'statusImport.reason.beforeBirth') THEN 'CONFLICT'
                              WHEN c.reason = 'statusImport.reason.notFound' THEN 'UNMATCHED'
                              WHEN c.reason IN ('statusImport.reason.alreadyDeceased',
                                                'statusImport.reason.alreadyMovedOut') THEN 'ALREADY_INACTIVE'
                              ELSE 'MATCHED'
                          END
            FROM unnest(CAST(:rowNos AS int[]), CAST(:elderIds AS bigint[]), CAST(:reasons AS varchar[]))
                 AS c(row_no, elder_id, reason)
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

    StatusImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open list; {@code apiClientId} is the API client whose events it holds, null for a spreadsheet. */
    long create(StatusImportKind kind, String fileName, String scopePrefix, String actor, Long apiClientId) {
        return jdbc.sql("""
                        INSERT INTO status_import (kind, file_name, created_by, scope_prefix, api_client_id)
                        VALUES (:kind, :fileName, :actor, :scopePrefix, :apiClientId)
                        RETURNING id
                        """)
                .param("kind", kind.name())
                .param("fileName", fileName)
                .param("actor", actor)
                .param("scopePrefix", scopePrefix)
                .param("apiClientId", apiClientId, Types.BIGINT)
                .query(Long.class).single();
    }

    void insert(long importId, List<StatusImportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_ROWS)
                .param("importId", importId)
                .param("rowNos", column(lines, l -> String.valueOf(l.rowNo())))
                .param("rawResidentIds", column(lines, StatusImportLine::rawResidentId))
                .param("residentIds", column(lines, StatusImportLine::residentId))
                .param("rawDates", column(lines, StatusImportLine::rawDate))
                .param("eventDates", column(lines, l -> l.date() == null ? null : l.date().toString()))
                .param("agencies", column(lines, StatusImportLine::agency))
                .param("documentNos", column(lines, StatusImportLine::documentNo))
                .param("outcomes", column(lines, l -> l.outcome() == null ? null : l.outcome().name()))
                .param("reasons", column(lines, StatusImportLine::reason))
                .param("communityCodes", column(lines, l -> l.circumstance().communityCode()))
                .param("economicStatuses", column(lines, l -> name(l.circumstance().economicStatus())))
                .param("disabilityCategories", column(lines, l -> name(l.circumstance().disabilityCategory())))
                .param("disabilityLevels", column(lines, l -> l.circumstance().disabilityLevel() == null ? null
                        : l.circumstance().disabilityLevel().toString()))
                .update();
    }

    /** Classifies the rows read from the file and stores the counts on the list. */
    void classify(long importId, String scopePattern, LocalDate today) {
        List<Classified> rows = jdbc.sql(CLASSIFY).param("importId", importId).param("scope", scopePattern)
                .param("today", today)
                .query((rs, i) -> new Classified(rs.getInt("row_no"), rs.getObject("elder_id", Long.class),
                        rs.getString("reason")))
                .list();
        jdbc.sql(STORE_CLASSIFIED).param("importId", importId)
                .param("rowNos", rows.stream().map(Classified::rowNo).toArray(Integer[]::new))
                .param("elderIds", rows.stream().map(Classified::elderId).toArray(Long[]::new))
                .param("reasons", rows.stream().map(Classified::reason).toArray(String[]::new))
                .update();
        count(importId);
    }

    private record Classified(int rowNo, Long elderId, String reason) {
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

    private static String[] column(List<StatusImportLine> lines, Function<StatusImportLine, String> value) {
        return lines.stream().map(value).toArray(String[]::new);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
