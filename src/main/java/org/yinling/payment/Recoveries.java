package org.yinling.payment;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import org.yinling.elder.EldersLeft;

/**
 * Finds money paid for months after an elder died or moved out: every PAID line for a month after the month of the
 * date becomes an open recovery (once; the line is unique in payment_recovery).
 */
@Component
class Recoveries {

    private static final String FLAG = """
            INSERT INTO payment_recovery (line_id, elder_id, community_code, amount, reason, status_date)
            SELECT l.id, l.elder_id, l.community_code, l.amount, e.life_status, e.life_status_date
            FROM elder e JOIN payment_line l ON l.elder_id = e.id
            WHERE e.life_status <> 'ACTIVE' AND l.status = 'PAID'
              AND l.month > date_trunc('month', e.life_status_date)
              AND %s
            ON CONFLICT (line_id) DO NOTHING
            """;

    private final JdbcClient jdbc;

    Recoveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flags the overpayments of a region's elders; returns how many new ones. */
    int flag(String regionPattern) {
        return jdbc.sql(FLAG.formatted("e.community_code LIKE ?")).param(regionPattern).update();
    }

    /** Flags the overpayments among a batch's lines (after its receipt made some of them PAID). */
    int flagBatch(long batchId) {
        return jdbc.sql(FLAG.formatted("l.batch_id = ?")).param(batchId).update();
    }

    /** In the transaction that records the death (or move-out), so the recovery list is never behind. */
    @EventListener
    void on(ElderDeceased event) {
        on(EldersLeft.of(event));
    }

    @EventListener
    void on(ElderMovedOut event) {
        on(EldersLeft.of(event));
    }

    /**
     * Many deaths or move-outs at once, in one statement. From the event, not the elder row: the registry's change
     * may not be flushed to the database yet.
     */
    @EventListener
    void on(EldersLeft event) {
        jdbc.sql("""
                        INSERT INTO payment_recovery (line_id, elder_id, community_code, amount, reason, status_date)
                        SELECT l.id, l.elder_id, l.community_code, l.amount, ?, left_.day
                        FROM unnest(CAST(? AS bigint[]), CAST(? AS date[])) AS left_(elder_id, day)
                        JOIN payment_line l ON l.elder_id = left_.elder_id
                        WHERE l.status = 'PAID' AND l.month > date_trunc('month', left_.day)
                        ON CONFLICT (line_id) DO NOTHING
                        """)
                .params(event.deceased() ? "DECEASED" : "MOVED_OUT", event.ids(), event.isoDates()).update();
    }
}
