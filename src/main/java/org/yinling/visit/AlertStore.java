package org.yinling.visit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Urgent findings not yet handled, for the community's, street's and district's lists. */
@Repository
class AlertStore {

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    AlertStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** A moment from the database (UTC) on the bureau's clock, as pages show it. */
    private OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    record Alert(long id, long visitId, long elderId, String elderName, String communityName, FindingArea area,
                 String note, OffsetDateTime raisedAt, String visitorName) {
    }

    List<Alert> open(VisitScope scope, int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.visit_id, a.elder_id, e.name AS elder_name, g.name AS community_name, a.area,
                               CASE a.area WHEN 'HEALTH' THEN v.health_note WHEN 'HOME_SAFETY' THEN v.home_safety_note
                                           WHEN 'MONEY' THEN v.money_note WHEN 'FAMILY' THEN v.family_note
                                           ELSE v.services_note END AS note,
                               a.raised_at, u.display_name AS visitor_name
                        FROM visit_alert a JOIN visit v ON v.id = a.visit_id JOIN elder e ON e.id = a.elder_id
                        JOIN region g ON g.code = a.community_code JOIN app_user u ON u.id = v.visitor_id
                        WHERE a.handled_at IS NULL AND\s""" + scope.condition("a") + """

                        ORDER BY a.raised_at DESC, a.id DESC LIMIT :limit
                        """)
                .params(scope.parameters()).param("limit", limit)
                .query((rs, n) -> new Alert(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("elder_id"),
                        rs.getString("elder_name"), rs.getString("community_name"),
                        FindingArea.valueOf(rs.getString("area")), rs.getString("note"),
                        local(rs.getObject("raised_at", OffsetDateTime.class)), rs.getString("visitor_name")))
                .list();
    }

    /** @return false when the alert is not in the scope or was handled already */
    boolean handle(long alertId, VisitScope scope, String note, OffsetDateTime now, String actor) {
        return jdbc.sql("UPDATE visit_alert a SET handled_at = :now, handled_by = :actor, handled_note = :note"
                        + " WHERE a.id = :id AND a.handled_at IS NULL AND " + scope.condition("a"))
                .param("now", now).param("actor", actor).param("note", note).param("id", alertId)
                .params(scope.parameters()).update() == 1;
    }

    boolean exists(long alertId, VisitScope scope) {
        return jdbc.sql("SELECT count(*) > 0 FROM visit_alert a WHERE a.id = :id AND " + scope.condition("a"))
                .param("id", alertId).params(scope.parameters()).query(Boolean.class).single();
    }
}
