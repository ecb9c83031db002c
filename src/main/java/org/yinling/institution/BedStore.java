package org.yinling.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;

/** Beds and stays. Callers have checked the institution's region first; occupants follow {@link ResidentVisibility}. */
@Repository
class BedStore {

    private final JdbcClient jdbc;

    BedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The institution's beds with their occupants: the occupant's id, name and admission day only where the user may
     * see the elder ({@link ResidentVisibility}); otherwise the bed shows as occupied by someone of another region.
     */
    List<BedRow> beds(long institutionId, RegionScope scope) {
        return beds(institutionId, scope, Integer.MAX_VALUE, 0);
    }

    /**
     * One page of {@link #beds(long, RegionScope)}: a home of a few hundred beds showed them all, each occupied bed
     * with a list of every free bed for a transfer (3.8 MB of HTML; issue 20 §7).
     */
    List<BedRow> beds(long institutionId, RegionScope scope, int limit, long offset) {
        return jdbc.sql("""
                        SELECT b.id, b.room, b.label, b.nursing, b.reserved, s.id,
                            CASE WHEN %1$s THEN s.elder_id END, CASE WHEN %1$s THEN e.name END,
                            CASE WHEN %1$s THEN s.admitted_on END
                        FROM bed b
                        JOIN institution i ON i.id = b.institution_id
                        LEFT JOIN stay s ON s.bed_id = b.id AND s.ended_on IS NULL
                        LEFT JOIN elder e ON e.id = s.elder_id
                        WHERE b.institution_id = :institution
                        ORDER BY b.room, length(b.label), b.label, b.id
                        LIMIT :limit OFFSET :offset
                        """.formatted(ResidentVisibility.VISIBLE))
                .params(ResidentVisibility.parameters(scope)).param("institution", institutionId)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new BedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getString(8),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    long bedCount(long institutionId) {
        return jdbc.sql("SELECT count(*) FROM bed WHERE institution_id = :institution")
                .param("institution", institutionId).query(Long.class).single();
    }

    /** Occupied beds of the institution whose resident the user may not see (shown without who). */
    long hiddenOccupants(long institutionId, RegionScope scope) {
        return jdbc.sql("""
                        SELECT count(*) FROM stay s JOIN elder e ON e.id = s.elder_id
                        JOIN institution i ON i.id = s.institution_id
                        WHERE s.institution_id = :institution AND s.ended_on IS NULL AND NOT %s
                        """.formatted(ResidentVisibility.VISIBLE))
                .params(ResidentVisibility.parameters(scope)).param("institution", institutionId)
                .query(Long.class).single();
    }

    /** A bed that can be chosen for an admission or a transfer. */
    record FreeBed(long id, String room, String label, boolean nursing) {
    }

    /** The free, unreserved beds of the institution, in the order of the bed list. */
    List<FreeBed> freeBeds(long institutionId) {
        return jdbc.sql("""
                        SELECT b.id, b.room, b.label, b.nursing FROM bed b
                        WHERE b.institution_id = :institution AND NOT b.reserved
                          AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND s.ended_on IS NULL)
                        ORDER BY b.room, length(b.label), b.label, b.id
                        """)
                .param("institution", institutionId).query(FreeBed.class).list();
    }

    /**
     * Beds {@code from}..{@code to} of a room, labelled with their numbers, in one statement; beds that exist already
     * are left as they are. Returns how many were added.
     */
    int addBeds(long institutionId, String room, int from, int to, boolean nursing) {
        return jdbc.sql("""
                        INSERT INTO bed (institution_id, room, label, nursing)
                        SELECT ?, ?, n::text, ? FROM generate_series(?, ?) n
                        ON CONFLICT (institution_id, room, label) DO NOTHING
                        """)
                .params(institutionId, room, nursing, from, to).update();
    }

    /** Holds a free bed back, or releases it; false when the bed is occupied or not of the institution. */
    boolean setReserved(long institutionId, long bedId, boolean reserved) {
        return jdbc.sql("""
                        UPDATE bed SET reserved = ? WHERE id = ? AND institution_id = ?
                          AND NOT EXISTS (SELECT 1 FROM stay WHERE bed_id = ? AND ended_on IS NULL)
                        """)
                .params(reserved, bedId, institutionId, bedId).update() == 1;
    }

    /** A free, unreserved bed of the institution. */
    boolean isFree(long institutionId, long bedId) {
        return jdbc.sql("""
                        SELECT count(*) FROM bed b WHERE b.id = ? AND b.institution_id = ? AND NOT b.reserved
                          AND NOT EXISTS (SELECT 1 FROM stay WHERE bed_id = b.id AND ended_on IS NULL)
                        """)
                .params(bedId, institutionId).query(Integer.class).single() == 1;
    }

    /** The new stay's id; empty when the elder or the bed has an open stay (also one committed a moment ago). */
    Optional<Long> startStay(long elderId, long institutionId, long bedId, LocalDate admittedOn, String contractNumber,
                             Payer payer, boolean extremePoverty, String actor) {
        return jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, contract_number, payer,
                            extreme_poverty, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(elderId, institutionId, bedId, admittedOn, contractNumber, payer.name(), extremePoverty, actor)
                .query(Long.class).optional();
    }

    record OpenStay(long id, long elderId, long institutionId, long bedId, LocalDate admittedOn, String contractNumber,
                    Payer payer, boolean extremePoverty) {
    }

    /** An open stay of the institution whose elder the user may see and act on ({@link ResidentVisibility}). */
    Optional<OpenStay> openStay(long stayId, long institutionId, RegionScope scope) {
        return jdbc.sql("""
                        SELECT s.id, s.elder_id, s.institution_id, s.bed_id, s.admitted_on, s.contract_number, s.payer,
                            s.extreme_poverty
                        FROM stay s JOIN elder e ON e.id = s.elder_id JOIN institution i ON i.id = s.institution_id
                        WHERE s.id = :stay AND s.institution_id = :institution AND s.ended_on IS NULL AND %s
                        """.formatted(ResidentVisibility.VISIBLE))
                .params(ResidentVisibility.parameters(scope)).param("stay", stayId).param("institution", institutionId)
                .query((rs, row) -> new OpenStay(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), Payer.valueOf(rs.getString(7)),
                        rs.getBoolean(8)))
                .optional();
    }

    boolean endStay(long stayId, LocalDate endedOn, String reason, boolean transfer) {
        return jdbc.sql("""
                        UPDATE stay SET ended_on = ?, end_reason = ?, ended_by_transfer = ?
                        WHERE id = ? AND ended_on IS NULL AND admitted_on <= ?
                        """)
                .params(endedOn, reason, transfer, stayId, endedOn).update() == 1;
    }

    List<StayRow> staysOf(long elderId) {
        return jdbc.sql("""
                        SELECT s.id, s.institution_id, i.name, b.room, b.label, s.admitted_on, s.ended_on, s.end_reason,
                            s.ended_by_transfer, s.payer, s.contract_number
                        FROM stay s JOIN institution i ON i.id = s.institution_id JOIN bed b ON b.id = s.bed_id
                        WHERE s.elder_id = ? ORDER BY s.admitted_on DESC, s.id DESC
                        """)
                .param(elderId)
                .query((rs, row) -> new StayRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8), rs.getBoolean(9), Payer.valueOf(rs.getString(10)), rs.getString(11)))
                .list();
    }
}
