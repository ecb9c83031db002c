package org.yinling.audit;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Reads the audit log, newest first: for the admin viewer and for a record's change history. */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    private final JdbcClient jdbc;
    /** Times are shown in the bureau's zone, whatever the host's. */
    private final ZoneId zone;

    AuditQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    public Page<AuditEntry> search(AuditFilter filter, Pageable pageable) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (StringUtils.hasText(filter.actor())) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor().trim());
        }
        if (StringUtils.hasText(filter.action())) {
            conditions.add("action = :action");
            params.put("action", filter.action().trim());
        }
        if (StringUtils.hasText(filter.entity())) {
            conditions.add("entity = :entity");
            params.put("entity", filter.entity().trim());
        }
        if (StringUtils.hasText(filter.entityId())) {
            conditions.add("entity_id = :entityId");
            params.put("entityId", filter.entityId().trim());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        // Conditions are fixed fragments chosen above; values travel only as bind parameters.
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
        // the page reads as sentences: the actor's real name and, for regions and users, the record's name
        List<AuditEntry> rows = jdbc.sql("""
                        SELECT e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.details::text AS details,
                               coalesce(u.display_name, e.actor) AS actor_name,
                               CASE e.entity WHEN 'region' THEN r.name WHEN 'app_user' THEN o.display_name END
                                   AS object_name
                        FROM (SELECT * FROM audit_event""" + where + """
                         ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset) e
                        LEFT JOIN app_user u ON u.username = e.actor
                        LEFT JOIN region r ON e.entity = 'region' AND r.code = e.entity_id
                        LEFT JOIN LATERAL (SELECT o.display_name FROM app_user o
                                           WHERE e.entity = 'app_user'
                                             AND (o.id::text = e.entity_id OR o.username = e.entity_id)
                                           ORDER BY o.id::text = e.entity_id DESC LIMIT 1) o ON true
                        ORDER BY e.at DESC, e.id DESC""")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(AuditQueries::entry)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The latest changes of one record, without the views of it: for a record's change history. */
    public List<AuditEntry> changesOf(String entity, Object entityId, int limit) {
        return jdbc.sql("""
                        SELECT id, at, actor, action, entity, entity_id, details::text AS details,
                               actor AS actor_name, NULL AS object_name
                        FROM audit_event
                        WHERE entity = :entity AND entity_id = :entityId AND action NOT LIKE '%\\_VIEWED'
                        ORDER BY at DESC, id DESC LIMIT :limit
                        """)
                .param("entity", entity)
                .param("entityId", entityId.toString())
                .param("limit", limit)
                .query(AuditQueries::entry)
                .list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", java.time.OffsetDateTime.class), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("details"),
                rs.getString("actor_name"), rs.getString("object_name"));
    }

    /**
     * The sum of the number {@code countKey} in the details (1 where it is absent) of one actor's events of one action
     * in the last {@code window} of the database's time: for limits such as refusals per user and hour.
     */
    public long sumWithin(String actor, String action, java.time.Duration window, String countKey) {
        return jdbc.sql("""
                        SELECT coalesce(sum(coalesce((details ->> :key)::bigint, 1)), 0)
                        FROM audit_event
                        WHERE actor = :actor AND action = :action AND at >= now() - make_interval(secs => :seconds)
                        """)
                .param("key", countKey)
                .param("actor", actor)
                .param("action", action)
                .param("seconds", (double) window.toSeconds())
                .query(Long.class)
                .single();
    }

    /**
     * The names of the region codes and policy codes among {@code tokens} (values found in the details), so that the
     * viewer shows "上塘街道" and "居家养老服务补贴", not 330105001000 and JUJIA.
     */
    public Map<String, String> namesOf(java.util.Collection<String> tokens) {
        Map<String, String> names = new HashMap<>();
        if (tokens.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT code, name FROM region WHERE code IN (:tokens)
                        UNION ALL
                        SELECT DISTINCT ON (code) code, name FROM subsidy_policy WHERE code IN (:tokens)
                        """)
                .param("tokens", tokens)
                .query((rs, row) -> names.putIfAbsent(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The kinds of record the log holds, for the viewer's filter (shown by their labels). */
    public List<String> entities() {
        return jdbc.sql("SELECT DISTINCT entity FROM audit_event ORDER BY entity").query(String.class).list();
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
    }
}
