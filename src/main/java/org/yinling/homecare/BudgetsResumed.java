package org.yinling.homecare;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.audit.AuditLog;
import org.yinling.elder.LifeStatus;
import org.yinling.elder.LifeStatusConsequences;

/**
 * A recorded death or move-out ended the elder's home-care budgets on its date ({@link HomeCareEvents}); a correction
 * of that record lets them run again, in one statement. Cancelled orders and ended plans are not brought back (the
 * page says so: the provider plans them again).
 */
@Component
class BudgetsResumed implements LifeStatusConsequences {

    static final String KEY = "homecare.undo.budgets";

    private static final String MATCH = """
            elder_id = :elder AND ended_on = :date AND month >= date_trunc('month', CAST(:date AS date))""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    BudgetsResumed(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Consequence> of(long elderId, LifeStatus status, LocalDate date) {
        long count = jdbc.sql("SELECT count(*) FROM home_care_budget WHERE " + MATCH)
                .param("elder", elderId).param("date", date).query(Long.class).single();
        return count == 0 ? List.of() : List.of(new Consequence(KEY, count, true));
    }

    @Override
    public List<Consequence> undo(long elderId, LifeStatus status, LocalDate date, String actor) {
        int resumed = jdbc.sql("UPDATE home_care_budget SET ended_on = NULL WHERE " + MATCH)
                .param("elder", elderId).param("date", date).update();
        if (resumed == 0) {
            return List.of();
        }
        audit.recordAs(actor, "HOME_CARE_BUDGETS_RESUMED", "elder", elderId,
                Map.of("reason", status.name(), "date", String.valueOf(date), "budgets", resumed));
        return List.of(new Consequence(KEY, resumed, true));
    }
}
