package org.yinling.institution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.ApplicationStage;

/** Rows of {@code construction_grant} and its decision log; reads take the user's region scope. */
@Repository
class GrantStore {

    private static final String SELECT = """
            SELECT g.id, g.institution_id, i.name, g.community_code, g.new_beds, g.tier, g.rate, g.amount, g.stage,
                   g.notes, g.approved_on, g.publicity_ends, g.created_at, g.created_by, g.lock_version
            FROM construction_grant g JOIN institution i ON i.id = g.institution_id
            """;

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConstructionGrant> find(long id, RegionScope scope) {
        return jdbc.sql(SELECT + " WHERE g.id = ? AND g.community_code LIKE ?")
                .params(id, scope.likePattern()).query(GrantStore::map).optional();
    }

    List<ConstructionGrant> ofInstitution(long institutionId) {
        return jdbc.sql(SELECT + " WHERE g.institution_id = ? ORDER BY g.id DESC")
                .param(institutionId).query(GrantStore::map).list();
    }

    /** The new grant's id; empty when the institution has an open or approved grant already. */
    Optional<Long> insert(Institution institution, int newBeds, GrantTier tier, BigDecimal rate, String notes,
                          String actor) {
        return jdbc.sql("""
                        INSERT INTO construction_grant (institution_id, community_code, new_beds, tier, rate, amount, stage,
                            notes, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'STREET_REVIEW', ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(institution.id(), institution.communityCode(), newBeds, tier.name(), rate,
                        rate.multiply(BigDecimal.valueOf(newBeds)), notes, actor, actor)
                .query(Long.class).optional();
    }

    /** Moves the grant on if it is still at {@code from} and unchanged since {@code lockVersion}. */
    boolean move(long id, long lockVersion, ApplicationStage from, ApplicationStage to, LocalDate approvedOn,
                 LocalDate publicityEnds, String actor) {
        return jdbc.sql("""
                        UPDATE construction_grant SET stage = ?, approved_on = COALESCE(?, approved_on),
                            publicity_ends = COALESCE(?, publicity_ends), updated_at = now(), updated_by = ?,
                            lock_version = lock_version + 1
                        WHERE id = ? AND stage = ? AND lock_version = ?
                        """)
                .params(to.name(), approvedOn, publicityEnds, actor, id, from.name(), lockVersion)
                .update() == 1;
    }

    void decision(long grantId, String action, ApplicationStage from, ApplicationStage to, String note, String actor) {
        jdbc.sql("""
                        INSERT INTO construction_grant_decision (grant_id, action, stage_from, stage_to, note, decided_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(grantId, action, from == null ? null : from.name(), to.name(), note, actor).update();
    }

    List<GrantDecision> decisions(long grantId) {
        return jdbc.sql("""
                        SELECT action, stage_from, stage_to, note, decided_by, decided_at FROM construction_grant_decision
                        WHERE grant_id = ? ORDER BY id
                        """)
                .param(grantId)
                .query((rs, row) -> new GrantDecision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static ConstructionGrant map(ResultSet rs, int row) throws SQLException {
        return new ConstructionGrant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                GrantTier.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                ApplicationStage.valueOf(rs.getString(9)), rs.getString(10), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getLong(15));
    }
}
