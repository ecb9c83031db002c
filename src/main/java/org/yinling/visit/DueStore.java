package org.yinling.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each rostered elder is due, from the facts on the roster row and the tier's frequency in force (never from the
 * visit table): the earliest of the last counted visit (or the day rostered) plus the interval, to the end of that
 * day; the end of the retry day after a visit that did not reach the elder; a major event plus the event hours.
 */
@Repository
class DueStore {

    /** The due moment and its reason per open roster row {@code r} (needs :today and :zone). */
    static final String DUE = """
            CROSS JOIN LATERAL (SELECT * FROM visit_frequency_on(r.community_code, r.tier, :today)) f
            CROSS JOIN LATERAL (
                SELECT x.due_at, x.reason FROM (VALUES
                    (((COALESCE((r.last_visit_at AT TIME ZONE :zone)::date, r.rostered_on)
                        + CASE f.interval_unit WHEN 'WEEK' THEN make_interval(weeks => f.interval_count)
                                               ELSE make_interval(months => f.interval_count) END)::date + 1)::timestamp
                        AT TIME ZONE :zone, 'PERIODIC'),
                    (((r.retry_on + 1)::timestamp) AT TIME ZONE :zone, 'RETRY'),
                    (r.event_at + make_interval(hours => f.event_hours), 'EVENT')
                ) AS x (due_at, reason)
                WHERE x.due_at IS NOT NULL ORDER BY x.due_at LIMIT 1) d
            """;

    private final JdbcClient jdbc;

    DueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One rostered elder on a due list. */
    record DueRow(long elderId, String name, String address, String communityName, RiskTier tier,
                  OffsetDateTime dueAt, String reason, long daysOverdue, boolean overdue, OffsetDateTime lastVisitAt,
                  String visitorName) {

        public String reasonKey() {
            return "visit.due.reason." + reason;
        }
    }

    /**
     * The elders of the scope (narrowed to a community and a visitor when given) who are overdue or due before
     * {@code until}: overdue first, by tier (high first) and days overdue, then the due ones by tier and due moment.
     *
     * @param visitor a visitor's user id to narrow to, 0 for elders bound to nobody, null for all
     */
    List<DueRow> due(VisitScope scope, String community, Long visitor, OffsetDateTime now, OffsetDateTime until,
                     ZoneId zone, int limit) {
        String narrow = (community == null ? "" : " AND r.community_code = :community")
                + (visitor == null ? "" : visitor == 0 ? " AND b.visitor_id IS NULL" : " AND b.visitor_id = :visitor");
        Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
        params.put("today", now.atZoneSameInstant(zone).toLocalDate());
        params.put("zone", zone.getId());
        params.put("now", now);
        params.put("until", until);
        params.put("limit", limit);
        if (community != null) {
            params.put("community", community);
        }
        if (visitor != null && visitor != 0) {
            params.put("visitor", visitor);
        }
        return jdbc.sql("""
                        SELECT r.elder_id, e.name, e.address, g.name AS community_name, r.tier, d.due_at, d.reason,
                               r.last_visit_at, u.display_name AS visitor_name
                        FROM visit_roster r
                        JOIN elder e ON e.id = r.elder_id
                        JOIN region g ON g.code = r.community_code
                        LEFT JOIN visit_binding b ON b.elder_id = r.elder_id
                        LEFT JOIN app_user u ON u.id = b.visitor_id
                        """ + DUE + """
                        WHERE r.left_on IS NULL AND\s""" + scope.condition("r") + narrow + """

                          AND d.due_at < :until
                        ORDER BY (d.due_at <= :now) DESC,
                                 CASE r.tier WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, d.due_at, e.name
                        LIMIT :limit
                        """)
                .params(params)
                .query((rs, n) -> {
                    OffsetDateTime dueAt = rs.getObject("due_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime();
                    boolean overdue = !dueAt.isAfter(now);
                    long days = overdue ? java.time.Duration.between(dueAt, now).toDays() : 0;
                    return new DueRow(rs.getLong("elder_id"), rs.getString("name"), rs.getString("address"),
                            rs.getString("community_name"), RiskTier.valueOf(rs.getString("tier")), dueAt,
                            rs.getString("reason"), days, overdue, local(rs.getObject("last_visit_at", OffsetDateTime.class), zone),
                            rs.getString("visitor_name"));
                })
                .list();
    }

    private static OffsetDateTime local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** Per community of the scope: rostered elders, overdue now, and due before {@code until}. */
    record CommunityCounts(String communityCode, String communityName, long rostered, long overdue, long dueSoon,
                           long unbound) {
    }

    List<CommunityCounts> countsByCommunity(VisitScope scope, OffsetDateTime now, OffsetDateTime until, ZoneId zone) {
        Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
        params.put("today", now.atZoneSameInstant(zone).toLocalDate());
        params.put("zone", zone.getId());
        params.put("now", now);
        params.put("until", until);
        return jdbc.sql("""
                        SELECT r.community_code, g.name AS community_name, count(*) AS rostered,
                               count(*) FILTER (WHERE d.due_at <= :now) AS overdue,
                               count(*) FILTER (WHERE d.due_at > :now AND d.due_at < :until) AS due_soon,
                               count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM visit_binding b WHERE b.elder_id = r.elder_id)) AS unbound
                        FROM visit_roster r
                        JOIN region g ON g.code = r.community_code
                        """ + DUE + """
                        WHERE r.left_on IS NULL AND\s""" + scope.condition("r") + """

                        GROUP BY r.community_code, g.name
                        ORDER BY count(*) FILTER (WHERE d.due_at <= :now) DESC, r.community_code
                        """)
                .params(params)
                .query((rs, n) -> new CommunityCounts(rs.getString("community_code"), rs.getString("community_name"),
                        rs.getLong("rostered"), rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("unbound")))
                .list();
    }

    /** The start of the week after the one of {@code today} (Monday), as the end of "due this week". */
    static OffsetDateTime endOfWeek(LocalDate today, ZoneId zone) {
        return today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toOffsetDateTime();
    }
}
