package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;

/**
 * The waiting list of a public institution. Positions are not stored: they are computed whenever the list is read, by
 * the priority order in force today for the institution's district ({@link WaitingPriorityStore}: each elder ranked by
 * the first rule they match, then by application date), so every change of an elder's status or assessment, and every
 * new order the district sets, moves them at once. One statement over the institution's entries. Positions count every
 * waiting elder; the personal data of an entry are read only where {@link ResidentVisibility} lets the user see the
 * elder.
 */
@Repository
class WaitingListStore {

    /** Every waiting entry of {@code :institution} with its position, and whether the user sees it and owns it. */
    private static final String ORDERED = """
            WITH rules AS (%s)
            SELECT w.id, row_number() OVER (ORDER BY COALESCE(m.rank, 99), w.applied_on, w.id) AS position,
                   e.id AS elder_id, e.name, e.resident_id, COALESCE(m.rule, 'OTHER') AS category, e.capability_level,
                   w.applied_on, w.institution_id, e.community_code, %s AS visible, %s AS own_region
            FROM waiting_application w JOIN elder e ON e.id = w.elder_id JOIN institution i ON i.id = w.institution_id
            LEFT JOIN LATERAL (SELECT ru.rule, ru.rank FROM rules ru WHERE %s ORDER BY ru.rank LIMIT 1) m ON TRUE
            WHERE w.institution_id = :institution AND w.status = 'WAITING'
            """.formatted(WaitingPriorityStore.rulesInForce(
                    "(SELECT substr(i0.community_code, 1, 6) || '000000' FROM institution i0 WHERE i0.id = :institution)"),
            ResidentVisibility.VISIBLE, ResidentVisibility.OWN_REGION, WaitingCategory.matches("ru.rule"));

    private final JdbcClient jdbc;
    private final Clock clock;

    WaitingListStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The entries the user may see (their elders, or all for the institution's supervisors), in order. */
    List<WaitingEntry> waiting(long institutionId, RegionScope scope) {
        return jdbc.sql("SELECT * FROM (" + ORDERED + ") o WHERE o.visible ORDER BY o.position")
                .params(ResidentVisibility.parameters(scope)).param("institution", institutionId)
                .param("today", today())
                .query((rs, row) -> new WaitingEntry(rs.getLong("id"), rs.getInt("position"), rs.getLong("elder_id"),
                        rs.getString("name"), rs.getString("resident_id"),
                        WaitingCategory.valueOf(rs.getString("category")), (Integer) rs.getObject("capability_level"),
                        rs.getObject("applied_on", LocalDate.class), rs.getLong("institution_id"),
                        rs.getString("community_code"), rs.getBoolean("own_region")))
                .list();
    }

    /** How many waiting elders the user may not see: all they learn of them. */
    int othersWaiting(long institutionId, RegionScope scope) {
        return jdbc.sql("SELECT count(*) FROM (" + ORDERED + ") o WHERE NOT o.visible")
                .params(ResidentVisibility.parameters(scope)).param("institution", institutionId)
                .param("today", today())
                .query(Integer.class).single();
    }

    /** The ids of the entries ahead of {@code position}, visible or not (who an admission passes over). */
    List<Long> aheadOf(long institutionId, int position) {
        return jdbc.sql("SELECT o.id FROM (" + ORDERED + ") o WHERE o.position < :position ORDER BY o.position")
                .params(ResidentVisibility.parameters(RegionScope.everything())).param("institution", institutionId)
                .param("today", today())
                .param("position", position)
                .query(Long.class).list();
    }

    /** The list as posted publicly: every entry, masked here so that full names and IDs never leave the store. */
    List<PublicWaitingEntry> publicList(long institutionId) {
        return jdbc.sql("SELECT * FROM (" + ORDERED + ") o ORDER BY o.position")
                .params(ResidentVisibility.parameters(RegionScope.everything())).param("institution", institutionId)
                .param("today", today())
                .query((rs, row) -> new PublicWaitingEntry(rs.getInt("position"),
                        WaitingEntry.maskName(rs.getString("name")), ResidentId.mask(rs.getString("resident_id")),
                        WaitingCategory.valueOf(rs.getString("category")),
                        rs.getObject("applied_on", LocalDate.class)))
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

    /** Withdraws a waiting entry of an elder of the user's own region ({@link ResidentVisibility}); false otherwise. */
    boolean withdraw(long id, long institutionId, String reason, RegionScope scope) {
        return jdbc.sql("""
                        UPDATE waiting_application w SET status = 'WITHDRAWN', closed_reason = :reason, closed_at = now()
                        FROM elder e
                        WHERE w.id = :id AND w.institution_id = :institution AND w.status = 'WAITING'
                          AND e.id = w.elder_id AND %s
                        """.formatted(ResidentVisibility.OWN_REGION))
                .params(ResidentVisibility.parameters(scope)).param("reason", reason).param("id", id)
                .param("institution", institutionId).update() == 1;
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
