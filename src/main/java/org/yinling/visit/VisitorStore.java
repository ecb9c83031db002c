package org.yinling.visit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visitors (users with role VISITOR or COMMUNITY_CLERK of a community) and their bindings to rostered elders. Binding
 * and reassigning are single statements that only touch elders of the user's scope and visitors of the elder's own
 * community.
 */
@Repository
class VisitorStore {

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    VisitorStore(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** A moment from the database (UTC) on the bureau's clock, as pages show it. */
    private OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    record Visitor(long id, String name, String role, long elders) {
        public String roleKey() {
            return "role." + role;
        }
    }

    /** The enabled visitors of a community with the number of rostered elders bound to each. */
    List<Visitor> visitors(String community) {
        return jdbc.sql("""
                        SELECT u.id, u.display_name, u.role,
                               (SELECT count(*) FROM visit_binding b JOIN visit_roster r ON r.elder_id = b.elder_id
                                AND r.left_on IS NULL WHERE b.visitor_id = u.id) AS elders
                        FROM app_user u
                        WHERE u.region_code = :community AND u.role IN ('VISITOR', 'COMMUNITY_CLERK') AND u.enabled
                        ORDER BY u.role DESC, u.display_name, u.id
                        """)
                .param("community", community)
                .query((rs, n) -> new Visitor(rs.getLong("id"), rs.getString("display_name"), rs.getString("role"),
                        rs.getLong("elders")))
                .list();
    }

    record RosterElder(long elderId, String name, RiskTier tier, String ruleName, Long visitorId, String visitorName,
                       OffsetDateTime lastVisitAt) {
    }

    /** The community's rostered elders with their visitor, by tier and name. */
    List<RosterElder> roster(String community, VisitScope scope, int limit) {
        return jdbc.sql("""
                        SELECT r.elder_id, e.name, r.tier, rr.name AS rule_name, b.visitor_id, u.display_name AS visitor_name,
                               r.last_visit_at
                        FROM visit_roster r JOIN elder e ON e.id = r.elder_id
                        JOIN visit_roster_rule rr ON rr.id = r.rule_id
                        LEFT JOIN visit_binding b ON b.elder_id = r.elder_id LEFT JOIN app_user u ON u.id = b.visitor_id
                        WHERE r.left_on IS NULL AND r.community_code = :community AND\s""" + scope.condition("r") + """

                        ORDER BY CASE r.tier WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, e.name, r.elder_id
                        LIMIT :limit
                        """)
                .param("community", community).params(scope.parameters()).param("limit", limit)
                .query((rs, n) -> new RosterElder(rs.getLong("elder_id"), rs.getString("name"),
                        RiskTier.valueOf(rs.getString("tier")), rs.getString("rule_name"),
                        (Long) rs.getObject("visitor_id"), rs.getString("visitor_name"),
                        local(rs.getObject("last_visit_at", OffsetDateTime.class))))
                .list();
    }

    /** Binds the given rostered elders of the scope to a visitor of their own community; the elders bound. */
    List<Long> bind(List<Long> elderIds, long visitorId, VisitScope scope, String actor) {
        return jdbc.sql("""
                        INSERT INTO visit_binding (elder_id, visitor_id, bound_at, bound_by)
                        SELECT r.elder_id, u.id, now(), :actor
                        FROM visit_roster r JOIN app_user u ON u.id = :visitor AND u.region_code = r.community_code
                             AND u.role IN ('VISITOR', 'COMMUNITY_CLERK') AND u.enabled
                        WHERE r.left_on IS NULL AND r.elder_id IN (:elders) AND\s""" + scope.condition("r") + """

                        ON CONFLICT (elder_id) DO UPDATE SET visitor_id = EXCLUDED.visitor_id, bound_at = EXCLUDED.bound_at,
                               bound_by = EXCLUDED.bound_by
                        WHERE visit_binding.visitor_id <> EXCLUDED.visitor_id
                        RETURNING elder_id
                        """)
                .param("visitor", visitorId).param("elders", elderIds).param("actor", actor)
                .params(scope.parameters()).query(Long.class).list();
    }

    /** Moves every elder bound to one visitor to another of the same community (in the scope); the elders moved. */
    List<Long> reassign(long from, long to, VisitScope scope, String actor) {
        return jdbc.sql("""
                        UPDATE visit_binding b SET visitor_id = t.id, bound_at = now(), bound_by = :actor
                        FROM app_user f, app_user t, visit_roster r
                        WHERE b.visitor_id = :from AND f.id = :from AND t.id = :to AND t.id <> f.id
                          AND t.region_code = f.region_code AND t.role IN ('VISITOR', 'COMMUNITY_CLERK') AND t.enabled
                          AND r.elder_id = b.elder_id AND r.left_on IS NULL AND\s""" + scope.condition("r") + """

                        RETURNING b.elder_id
                        """)
                .param("from", from).param("to", to).param("actor", actor).params(scope.parameters())
                .query(Long.class).list();
    }
}
