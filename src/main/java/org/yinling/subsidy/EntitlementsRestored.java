package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yinling.audit.AuditLog;
import org.yinling.elder.LifeStatus;
import org.yinling.elder.LifeStatusConsequences;

/**
 * A recorded death or move-out stopped the elder's entitlements ({@link CircumstanceListener}); a correction of that
 * record resumes exactly those (stopped for that reason, ending the month of the recorded date), with the end month
 * they had before, in one statement. Withdrawn applications are not reopened (the page says so).
 */
@Component
class EntitlementsRestored implements LifeStatusConsequences {

    static final String KEY = "subsidy.undo.entitlements";

    private static final String MATCH = """
            elder_id = :elder AND status = 'STOPPED' AND stop_reason = :reason
              AND end_month = GREATEST(CAST(date_trunc('month', CAST(:date AS date)) AS date),
                                       CAST(start_month - INTERVAL '1 month' AS date))
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EntitlementsRestored(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Consequence> of(long elderId, LifeStatus status, LocalDate date) {
        long count = jdbc.sql("SELECT count(*) FROM subsidy_entitlement WHERE " + MATCH)
                .param("elder", elderId).param("reason", reason(status)).param("date", date)
                .query(Long.class).single();
        return count == 0 ? List.of() : List.of(new Consequence(KEY, count, true));
    }

    @Override
    public List<Consequence> undo(long elderId, LifeStatus status, LocalDate date, String actor) {
        List<Long> resumed = jdbc.sql("""
                        UPDATE subsidy_entitlement SET status = 'ACTIVE', stopped_at = NULL, stop_reason = NULL,
                            end_month = end_month_before_stop, end_month_before_stop = NULL,
                            updated_at = now(), updated_by = :actor, lock_version = lock_version + 1
                        WHERE\s""" + MATCH + " RETURNING id")
                .param("elder", elderId).param("reason", reason(status)).param("date", date).param("actor", actor)
                .query(Long.class).list();
        if (resumed.isEmpty()) {
            return List.of();
        }
        audit.recordAs(actor, "ENTITLEMENTS_RESUMED", EntitlementRecheck.ENTITY, elderId,
                ApplicationService.details("reason", reason(status), "date", String.valueOf(date),
                        "entitlementIds", resumed));
        return List.of(new Consequence(KEY, resumed.size(), true));
    }

    private static String reason(LifeStatus status) {
        return status == LifeStatus.DECEASED ? CircumstanceListener.DECEASED : CircumstanceListener.MOVED_OUT;
    }
}
