package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The waiting list of a public institution. Positions are not stored: they are computed in the order of the rule
 * (category, then capability level, more severe first, then application date) whenever the list is read, so every
 * change of an elder's status or assessment moves them at once.
 */
@Repository
class WaitingListStore {

    private static final String ORDERED = """
            SELECT w.id, row_number() OVER (ORDER BY %s, e.capability_level DESC NULLS LAST, w.applied_on, w.id) AS position,
                   e.id AS elder_id, e.name, e.resident_id, %s AS category_rank, e.capability_level, w.applied_on,
                   w.institution_id, e.community_code
            FROM waiting_application w JOIN elder e ON e.id = w.elder_id
            WHERE w.institution_id = ? AND w.status = 'WAITING'
            ORDER BY position
            """.formatted(WaitingCategory.RANK_SQL, WaitingCategory.RANK_SQL);

    private final JdbcClient jdbc;

    WaitingListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WaitingEntry> waiting(long institutionId) {
        return jdbc.sql(ORDERED).param(institutionId)
                .query((rs, row) -> new WaitingEntry(rs.getLong("id"), rs.getInt("position"), rs.getLong("elder_id"),
                        rs.getString("name"), rs.getString("resident_id"),
                        WaitingCategory.values()[rs.getInt("category_rank")], (Integer) rs.getObject("capability_level"),
                        rs.getObject("applied_on", LocalDate.class), rs.getLong("institution_id"),
                        rs.getString("community_code")))
                .list();
    }

    /** The new entry's id; empty when the elder is waiting for the institution already. */
    Optional<Long> add(long elderId, long institutionId, LocalDate appliedOn, String actor) {
        return jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(elderId, institutionId, appliedOn, actor).query(Long.class).optional();
    }

    boolean withdraw(long id, long institutionId, String reason) {
        return jdbc.sql("""
                        UPDATE waiting_application SET status = 'WITHDRAWN', closed_reason = ?, closed_at = now()
                        WHERE id = ? AND institution_id = ? AND status = 'WAITING'
                        """)
                .params(reason, id, institutionId).update() == 1;
    }

    boolean admitted(long id, long stayId, String skipReason) {
        return jdbc.sql("""
                        UPDATE waiting_application SET status = 'ADMITTED', stay_id = ?, skip_reason = ?, closed_at = now()
                        WHERE id = ? AND status = 'WAITING'
                        """)
                .params(stayId, skipReason, id).update() == 1;
    }

    Optional<Long> elderOf(long id, long institutionId) {
        return jdbc.sql("SELECT elder_id FROM waiting_application WHERE id = ? AND institution_id = ? AND status = 'WAITING'")
                .params(id, institutionId).query(Long.class).optional();
    }
}
