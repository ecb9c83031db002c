package org.yinling.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.audit.AuditLog;
import org.yinling.elder.LifeStatus;
import org.yinling.elder.LifeStatusConsequences;

/**
 * A recorded death or move-out opened recoveries for the months paid after it ({@link Recoveries}); a correction of
 * that record withdraws those still open, in one statement. A recovery already recovered or waived stays as it is
 * (money moved): the confirmation page lists it for a hand to settle.
 */
@Component
class RecoveriesWithdrawn implements LifeStatusConsequences {

    static final String OPEN_KEY = "payment.undo.recoveries";
    static final String KEPT_KEY = "payment.undo.recoveriesKept";

    private static final String MATCH = "elder_id = :elder AND reason = :reason AND status_date = :date";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RecoveriesWithdrawn(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Consequence> of(long elderId, LifeStatus status, LocalDate date) {
        List<Consequence> found = new ArrayList<>();
        jdbc.sql("""
                        SELECT count(*) FILTER (WHERE state = 'OPEN'), count(*) FILTER (WHERE state <> 'OPEN')
                        FROM payment_recovery WHERE\s""" + MATCH)
                .param("elder", elderId).param("reason", status.name()).param("date", date)
                .query(rs -> {
                    if (rs.getLong(1) > 0) {
                        found.add(new Consequence(OPEN_KEY, rs.getLong(1), true));
                    }
                    if (rs.getLong(2) > 0) {
                        found.add(new Consequence(KEPT_KEY, rs.getLong(2), false));
                    }
                });
        return found;
    }

    @Override
    public List<Consequence> undo(long elderId, LifeStatus status, LocalDate date, String actor) {
        List<Long> lines = jdbc.sql("DELETE FROM payment_recovery WHERE " + MATCH + " AND state = 'OPEN' RETURNING line_id")
                .param("elder", elderId).param("reason", status.name()).param("date", date)
                .query(Long.class).list();
        if (lines.isEmpty()) {
            return List.of();
        }
        audit.recordAs(actor, "RECOVERIES_WITHDRAWN", "elder", elderId,
                Map.of("reason", status.name(), "date", String.valueOf(date), "lineIds", lines));
        return List.of(new Consequence(OPEN_KEY, lines.size(), true));
    }
}
