package org.yinling.payment;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;

/** The recovery list of a region and the closing of a recovery. */
@Repository
class RecoveryStore {

    private final JdbcClient jdbc;

    RecoveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region's recoveries in a state, oldest first, at most 500. */
    List<Recovery> list(RegionScope scope, String state) {
        return jdbc.sql("""
                        SELECT r.id, r.elder_id, l.elder_name, l.resident_id, r.community_code, l.month, r.amount,
                            r.reason, r.status_date, r.state, r.created_at
                        FROM payment_recovery r JOIN payment_line l ON l.id = r.line_id
                        WHERE r.community_code LIKE ? AND r.state = ?
                        ORDER BY r.created_at, r.id LIMIT 500
                        """)
                .params(scope.likePattern(), state)
                .query((rs, row) -> new Recovery(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ResidentId.mask(rs.getString(4)), rs.getString(5), rs.getObject(6, java.time.LocalDate.class),
                        rs.getBigDecimal(7), rs.getString(8), rs.getObject(9, java.time.LocalDate.class),
                        rs.getString(10), rs.getTimestamp(11).toInstant()))
                .list();
    }

    /** Closes an open recovery of the region; false when there is none with that id. */
    boolean close(long id, String outcome, String note, String actor, RegionScope scope) {
        return jdbc.sql("""
                        UPDATE payment_recovery SET state = ?, note = ?, closed_at = now(), closed_by = ?
                        WHERE id = ? AND community_code LIKE ? AND state = 'OPEN'
                        """)
                .params(outcome, note, actor, id, scope.likePattern()).update() == 1;
    }
}
