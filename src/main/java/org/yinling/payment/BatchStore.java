package org.yinling.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code payment_batch}; every state change checks the state it starts from. */
@Repository
class BatchStore {

    private static final String COLUMNS = """
            id, region_code, month, state, carry_failed, steps_done, steps_total, line_count, amount_total,
            generation_started_at, generated_at, generated_by, approved_at, approved_by, exported_at, exported_by,
            settled_at, lock_version""";

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch of a district inside {@code regionPattern}, or empty. */
    Optional<PaymentBatch> find(long id, String regionPattern) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_batch WHERE id = ? AND region_code LIKE ?")
                .params(id, regionPattern).query(BatchStore::map).optional();
    }

    List<PaymentBatch> list(String regionPattern, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment_batch WHERE region_code LIKE ?
                        ORDER BY month DESC, id DESC LIMIT ? OFFSET ?""")
                .params(regionPattern, limit, offset).query(BatchStore::map).list();
    }

    long count(String regionPattern) {
        return jdbc.sql("SELECT count(*) FROM payment_batch WHERE region_code LIKE ?")
                .param(regionPattern).query(Long.class).single();
    }

    Optional<PaymentBatch> findLive(String regionCode, LocalDate month) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_batch WHERE region_code = ? AND month = ? AND state <> 'DISCARDED'")
                .params(regionCode, month).query(BatchStore::map).optional();
    }

    List<Long> generating() {
        return jdbc.sql("SELECT id FROM payment_batch WHERE state = 'GENERATING' ORDER BY id").query(Long.class).list();
    }

    Optional<PaymentBatch> findAny(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_batch WHERE id = ?")
                .param(id).query(BatchStore::map).optional();
    }

    /** Creates the month's batch; the unique index refuses a second live batch of the district and month. */
    long create(String regionCode, LocalDate month, boolean carryFailed, String actor) {
        return tryCreate(regionCode, month, carryFailed, actor)
                .orElseThrow(() -> new IllegalStateException("The month has a live batch already"));
    }

    /** The new batch's id; empty when the region's month has a live batch (also one committed a moment ago). */
    Optional<Long> tryCreate(String regionCode, LocalDate month, boolean carryFailed, String actor) {
        return jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, carry_failed, generated_by)
                        VALUES (?, ?, 'GENERATING', ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(regionCode, month, carryFailed, actor).query(Long.class).optional();
    }

    void startGeneration(long id, int stepsTotal) {
        jdbc.sql("""
                        UPDATE payment_batch SET steps_total = ?, steps_done = 0, generation_started_at = now()
                        WHERE id = ? AND state = 'GENERATING'
                        """)
                .params(stepsTotal, id).update();
    }

    void stepDone(long id) {
        jdbc.sql("UPDATE payment_batch SET steps_done = steps_done + 1 WHERE id = ? AND state = 'GENERATING'")
                .param(id).update();
    }

    boolean finishGeneration(long id) {
        return jdbc.sql("""
                        UPDATE payment_batch SET state = 'GENERATED', generated_at = now(), steps_done = steps_total,
                            lock_version = lock_version + 1
                        WHERE id = ? AND state = 'GENERATING'
                        """)
                .param(id).update() == 1;
    }

    /** Moves a batch from one state to the next, if it is still in {@code from} at {@code lockVersion}. */
    boolean transition(long id, long lockVersion, BatchState from, BatchState to, String actorColumn,
                       String atColumn, String actor) {
        if (!actorColumn.matches("[a-z_]+") || !atColumn.matches("[a-z_]+")) {
            throw new IllegalArgumentException("column");
        }
        return jdbc.sql("UPDATE payment_batch SET state = ?, " + actorColumn + " = ?, " + atColumn + " = now(), "
                        + "lock_version = lock_version + 1 WHERE id = ? AND state = ? AND lock_version = ?")
                .params(to.name(), actor, id, from.name(), lockVersion)
                .update() == 1;
    }

    /** Discards a batch before approval and removes its lines, so that the month can be generated again. */
    boolean discard(long id, long lockVersion, String actor) {
        int updated = jdbc.sql("""
                        UPDATE payment_batch SET state = 'DISCARDED', discarded_at = now(), discarded_by = ?,
                            lock_version = lock_version + 1
                        WHERE id = ? AND state IN ('GENERATING', 'GENERATED') AND lock_version = ?
                        """)
                .params(actor, id, lockVersion).update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM payment_line WHERE batch_id = ?").param(id).update();
            jdbc.sql("DELETE FROM payment_payee_line WHERE batch_id = ?").param(id).update();
            jdbc.sql("DELETE FROM payment_withheld_line WHERE batch_id = ?").param(id).update();
        }
        return updated == 1;
    }

    private static PaymentBatch map(ResultSet rs, int row) throws SQLException {
        return new PaymentBatch(rs.getLong("id"), rs.getString("region_code"), rs.getObject("month", LocalDate.class),
                BatchState.valueOf(rs.getString("state")), rs.getBoolean("carry_failed"), rs.getInt("steps_done"),
                rs.getInt("steps_total"), rs.getInt("line_count"), rs.getBigDecimal("amount_total"),
                instant(rs.getTimestamp("generation_started_at")), instant(rs.getTimestamp("generated_at")),
                rs.getString("generated_by"), instant(rs.getTimestamp("approved_at")), rs.getString("approved_by"),
                instant(rs.getTimestamp("exported_at")), rs.getString("exported_by"),
                instant(rs.getTimestamp("settled_at")), rs.getLong("lock_version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
