package org.yinling.audit;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events. Every call must join the transaction of the change it describes ({@code MANDATORY}: a call
 * outside one throws {@link org.springframework.transaction.IllegalTransactionStateException}), so an event exists
 * exactly when its change was committed. The table refuses updates and deletes (see V3__audit.sql).
 */
@Service
public class AuditLog {

    /** Actor recorded for work nobody is logged in for (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an action of the logged-in user on a record; details hold e.g. {@code before}/{@code after}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entity, Object entityId, Map<String, ?> details) {
        recordAs(currentActor(), action, entity, entityId, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entity, Object entityId, Map<String, ?> details) {
        jdbc.sql("""
                        INSERT INTO audit_event (actor, action, entity, entity_id, details)
                        VALUES (:actor, :action, :entity, :entityId, CAST(:details AS jsonb))
                        """)
                .param("actor", truncate(actor, 50))
                .param("action", action)
                .param("entity", entity)
                .param("entityId", entityId == null ? null : truncate(entityId.toString(), 50))
                .param("details", details == null || details.isEmpty() ? null : json.writeValueAsString(details))
                .update();
    }

    /** One event of a set-based change: the record it is about and its details. */
    public record Entry(Object entityId, Map<String, ?> details) {
    }

    /** Records one event per entry in one statement, for changes made by one set-based statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllAs(String actor, String action, String entity, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String[] ids = new String[entries.size()];
        String[] details = new String[entries.size()];
        for (int i = 0; i < ids.length; i++) {
            Entry entry = entries.get(i);
            ids[i] = entry.entityId() == null ? null : truncate(entry.entityId().toString(), 50);
            details[i] = entry.details() == null || entry.details().isEmpty() ? null
                    : json.writeValueAsString(entry.details());
        }
        jdbc.sql("""
                        INSERT INTO audit_event (actor, action, entity, entity_id, details)
                        SELECT ?, ?, ?, e.id, CAST(e.details AS jsonb)
                        FROM unnest(CAST(? AS varchar[]), CAST(? AS text[])) WITH ORDINALITY AS e(id, details, n)
                        ORDER BY e.n
                        """)
                .params(truncate(actor, 50), action, entity, ids, details)
                .update();
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
