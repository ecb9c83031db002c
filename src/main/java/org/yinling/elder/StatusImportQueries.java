package org.yinling.elder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;
import org.yinling.system.Paging;

/**
 * Reads lists and their rows. A list is visible to users whose region contains the uploader's (its scope prefix
 * starts with the user's), so district staff see what their streets uploaded and streets see only their own.
 */
@Component
class StatusImportQueries {

    static final int HISTORY_PAGE_SIZE = 20;
    static final int ROWS_PAGE_SIZE = 50;

    private static final String SELECT_LIST = """
            SELECT id, kind, file_name, created_by, created_at, scope_prefix, state, row_count, matched_count,
                   unmatched_count, already_inactive_count, conflict_count, invalid_count, applied_count,
                   decided_by, decided_at
            FROM status_import
            """;

    private final JdbcClient jdbc;

    StatusImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<StatusImportSummary> find(long id, RegionScope scope) {
        return jdbc.sql(SELECT_LIST + " WHERE id = :id AND scope_prefix LIKE :scope")
                .param("id", id).param("scope", scope.likePattern())
                .query((rs, i) -> summary(rs)).optional();
    }

    /** Like {@link #find} and locks the list until the transaction ends, so two confirmations cannot overlap. */
    Optional<StatusImportSummary> lock(long id, RegionScope scope) {
        return jdbc.sql(SELECT_LIST + " WHERE id = :id AND scope_prefix LIKE :scope FOR UPDATE")
                .param("id", id).param("scope", scope.likePattern())
                .query((rs, i) -> summary(rs)).optional();
    }

    @Transactional(readOnly = true)
    Page<StatusImportSummary> history(RegionScope scope, int page) {
        PageRequest pageable = Paging.of(page, HISTORY_PAGE_SIZE);
        long total = jdbc.sql("SELECT count(*) FROM status_import WHERE scope_prefix LIKE :scope")
                .param("scope", scope.likePattern()).query(Long.class).single();
        List<StatusImportSummary> lists = jdbc.sql(SELECT_LIST + """
                         WHERE scope_prefix LIKE :scope
                        ORDER BY id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("scope", scope.likePattern())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, i) -> summary(rs)).list();
        return new PageImpl<>(lists, pageable, total);
    }

    /**
     * A page of a list's rows, optionally of one outcome. The elder's name shows only while the elder is inside the
     * user's region.
     */
    @Transactional(readOnly = true)
    Page<StatusImportRowView> rows(long importId, StatusImportOutcome outcome, RegionScope scope, int page) {
        PageRequest pageable = Paging.of(page, ROWS_PAGE_SIZE);
        String outcomeName = outcome == null ? null : outcome.name();
        long total = jdbc.sql("""
                        SELECT count(*) FROM status_import_row
                        WHERE import_id = :importId AND (CAST(:outcome AS varchar) IS NULL OR outcome = :outcome)
                        """)
                .param("importId", importId).param("outcome", outcomeName, Types.VARCHAR)
                .query(Long.class).single();
        List<StatusImportRowView> rows = jdbc.sql("""
                        SELECT r.row_no, r.raw_resident_id, r.resident_id, r.raw_date, r.event_date, r.agency,
                               r.document_no, e.id AS elder_id, e.name AS elder_name, r.outcome, r.reason
                        FROM status_import_row r
                        LEFT JOIN elder e ON e.id = r.elder_id AND e.community_code LIKE :scope
                        WHERE r.import_id = :importId AND (CAST(:outcome AS varchar) IS NULL OR r.outcome = :outcome)
                        ORDER BY r.row_no
                        LIMIT :limit OFFSET :offset
                        """)
                .param("importId", importId)
                .param("outcome", outcomeName, Types.VARCHAR)
                .param("scope", scope.likePattern())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, i) -> row(rs)).list();
        return new PageImpl<>(rows, pageable, total);
    }

    private static StatusImportSummary summary(ResultSet rs) throws SQLException {
        return new StatusImportSummary(rs.getLong("id"), StatusImportKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("scope_prefix"),
                StatusImportState.valueOf(rs.getString("state")), rs.getInt("row_count"), rs.getInt("matched_count"),
                rs.getInt("unmatched_count"), rs.getInt("already_inactive_count"), rs.getInt("conflict_count"),
                rs.getInt("invalid_count"), rs.getObject("applied_count", Integer.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class));
    }

    private static StatusImportRowView row(ResultSet rs) throws SQLException {
        return new StatusImportRowView(rs.getInt("row_no"),
                StatusImportRowView.mask(rs.getString("resident_id"), rs.getString("raw_resident_id")),
                rs.getObject("event_date", LocalDate.class), rs.getString("raw_date"), rs.getString("agency"),
                rs.getString("document_no"), rs.getObject("elder_id", Long.class), rs.getString("elder_name"),
                StatusImportOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"));
    }
}
