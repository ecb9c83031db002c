package org.yinling.elder;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.audit.AuditQueries;

/**
 * Refusals of a resident ID that is registered in another region (pen test M5, the ID-existence oracle). The entry
 * form, the correction form and the import answer such an ID only with 'cannot be registered here, contact the
 * district' (no link, no id, no region); every refusal is audited as {@value #ACTION} (one row per refused form
 * submission; one row per import with the number of refused rows, never the IDs), and a user who has been refused
 * {@code yinling.elder.id-refusals.max} times within {@code yinling.elder.id-refusals.window} gets 'too many' for every
 * further registration until the window has passed, whatever the ID, so the limit itself tells nothing either.
 *
 * <p>The count is read from the audit log (the index on actor and time serves it). The check takes a transaction-long
 * advisory lock per user, so parallel submissions of one user are counted one after another.
 */
@Component
class IdRefusals {

    static final String ACTION = "ELDER_REGISTRATION_REFUSED";
    static final String COUNT = "refused";
    private static final int LOCK_CLASS = 0x5941_0017;

    private final AuditLog audit;
    private final AuditQueries auditQueries;
    private final JdbcClient jdbc;
    private final int max;
    private final Duration window;

    IdRefusals(AuditLog audit, AuditQueries auditQueries, JdbcClient jdbc,
               @Value("${yinling.elder.id-refusals.max:20}") int max,
               @Value("${yinling.elder.id-refusals.window:1h}") Duration window) {
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.jdbc = jdbc;
        this.max = max;
        this.window = window;
    }

    /** How many more IDs registered elsewhere {@code username} may be told about in the current window (0: none). */
    @Transactional(propagation = Propagation.MANDATORY)
    long remaining(String username) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_CLASS, username)
                .query((rs, row) -> 1).list();
        return Math.max(0, max - auditQueries.sumWithin(username, ACTION, window, COUNT));
    }

    /** One refused form submission of the logged-in user; the record is named by its internal id, the ID masked. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordForm(String form, long existingElderId, ResidentId residentId) {
        audit.record(ACTION, ElderService.ENTITY, null, Map.of("via", form, "elderId", existingElderId,
                "residentId", residentId.masked(), COUNT, 1));
    }

    /**
     * An import by {@code actor} with {@code refused} rows registered elsewhere: audited as one row (how many, never
     * which); false if that takes the user past the limit, or the user was past it already, in which case the import
     * must show none of its rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean allowImport(long importId, String actor, long refused) {
        long remaining = remaining(actor);
        boolean allowed = remaining > 0 && refused <= remaining;
        if (refused > 0 || !allowed) {
            audit.recordAs(actor, ACTION, "elder_import", importId, Map.of("via", "import", COUNT, refused,
                    "overLimit", !allowed));
        }
        return allowed;
    }
}
