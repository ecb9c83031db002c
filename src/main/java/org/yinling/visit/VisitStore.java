package org.yinling.visit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rostered elders as the visit pages show them, visits, tier raises, major events and follow-ups. Every query over an
 * elder or a visit filters through {@link VisitScope}: what is outside is not found.
 */
@Repository
class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The elder's latest roster row in the user's scope (open first), or empty. */
    Optional<ElderVisitContext> context(long elderId, VisitScope scope) {
        return jdbc.sql("""
                        SELECT r.id AS roster_id, r.elder_id, e.name, e.resident_id, e.phone, e.address, r.community_code,
                               g.name AS community_name, e.life_status, e.life_status_date, r.rostered_on, r.left_on,
                               r.left_reason, r.tier, r.rule_tier, r.raised_tier, rr.name AS rule_name,
                               b.visitor_id, u.display_name AS visitor_name, r.last_visit_at, r.retry_on, r.event_at
                        FROM visit_roster r
                        JOIN elder e ON e.id = r.elder_id
                        JOIN region g ON g.code = r.community_code
                        JOIN visit_roster_rule rr ON rr.id = r.rule_id
                        LEFT JOIN visit_binding b ON b.elder_id = r.elder_id
                        LEFT JOIN app_user u ON u.id = b.visitor_id
                        WHERE r.elder_id = :elder AND\s""" + scope.condition("r") + """

                        ORDER BY (r.left_on IS NULL) DESC, r.rostered_on DESC, r.id DESC
                        LIMIT 1
                        """)
                .param("elder", elderId).params(scope.parameters())
                .query((rs, n) -> new ElderVisitContext(rs.getLong("elder_id"), rs.getString("name"),
                        rs.getString("resident_id"), rs.getString("phone"), rs.getString("address"),
                        rs.getString("community_code"), rs.getString("community_name"), rs.getString("life_status"),
                        rs.getObject("life_status_date", LocalDate.class), rs.getLong("roster_id"),
                        rs.getObject("rostered_on", LocalDate.class), rs.getObject("left_on", LocalDate.class),
                        rs.getString("left_reason"), RiskTier.valueOf(rs.getString("tier")),
                        RiskTier.valueOf(rs.getString("rule_tier")), tier(rs.getString("raised_tier")),
                        rs.getString("rule_name"), (Long) rs.getObject("visitor_id"), rs.getString("visitor_name"),
                        rs.getObject("last_visit_at", OffsetDateTime.class), rs.getObject("retry_on", LocalDate.class),
                        rs.getObject("event_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Inserts a visit unless one with the same submission key exists. The retry day of a visit that did not reach
     * the elder comes from the tier's frequency on the visit's day.
     *
     * @return the new visit's id, or empty when the form had been sent before
     */
    Optional<Long> insert(ElderVisitContext elder, VisitForm form, OffsetDateTime visitedAt, long visitorId,
                          String actor) {
        boolean reached = form.reachedElder();
        return jdbc.sql("""
                        INSERT INTO visit (elder_id, roster_id, community_code, visitor_id, visited_on, visited_at, mode,
                                           reached, health, health_note, home_safety, home_safety_note, money, money_note,
                                           family, family_note, services, services_note, note, latitude, longitude,
                                           retry_on, submission_key, created_by)
                        VALUES (:elder, :roster, :community, :visitor, :on, :at, :mode, :reached, :health, :healthNote,
                                :homeSafety, :homeSafetyNote, :money, :moneyNote, :family, :familyNote, :services,
                                :servicesNote, :note, :lat, :lon,
                                CASE WHEN :reached THEN NULL ELSE CAST(:on AS DATE) + COALESCE(
                                    (SELECT f.retry_days FROM visit_frequency_on(:community, :tier, :on) f), 2) END,
                                :key, :actor)
                        ON CONFLICT (submission_key) DO NOTHING
                        RETURNING id
                        """)
                .param("elder", elder.elderId()).param("roster", elder.rosterId())
                .param("community", elder.communityCode()).param("visitor", visitorId)
                .param("on", form.visitedOn()).param("at", visitedAt).param("mode", form.visitMode().name())
                .param("reached", reached)
                .param("health", finding(form, FindingArea.HEALTH)).param("healthNote", note(form, FindingArea.HEALTH))
                .param("homeSafety", finding(form, FindingArea.HOME_SAFETY))
                .param("homeSafetyNote", note(form, FindingArea.HOME_SAFETY))
                .param("money", finding(form, FindingArea.MONEY)).param("moneyNote", note(form, FindingArea.MONEY))
                .param("family", finding(form, FindingArea.FAMILY)).param("familyNote", note(form, FindingArea.FAMILY))
                .param("services", finding(form, FindingArea.SERVICES))
                .param("servicesNote", note(form, FindingArea.SERVICES))
                .param("note", form.note() == null || form.note().isBlank() ? null : form.note().strip())
                .param("lat", form.latitude() == null || form.longitude() == null ? null : form.latitude())
                .param("lon", form.latitude() == null || form.longitude() == null ? null : form.longitude())
                .param("tier", elder.tier().name()).param("key", form.submissionKey()).param("actor", actor)
                .query(Long.class).optional();
    }

    /** The visit a submission key made, in the user's scope. */
    Optional<Long> bySubmissionKey(UUID key, VisitScope scope) {
        return jdbc.sql("SELECT v.id FROM visit v WHERE v.submission_key = :key AND " + scope.condition("v"))
                .param("key", key).params(scope.parameters()).query(Long.class).optional();
    }

    /**
     * What a visit does to the roster row and the month's fact: a counted visit becomes the last visit (when it is
     * the latest), clears a retry and a major event before it, and counts in its month; one that did not reach the
     * elder sets the retry day unless a counted visit came after it.
     */
    void applyToRoster(long visitId) {
        jdbc.sql("""
                        UPDATE visit_roster r SET
                            last_visit_at = CASE WHEN v.reached THEN GREATEST(r.last_visit_at, v.visited_at) ELSE r.last_visit_at END,
                            retry_on = CASE
                                WHEN v.reached AND v.visited_at >= COALESCE(r.last_visit_at, v.visited_at) THEN NULL
                                WHEN NOT v.reached AND (r.last_visit_at IS NULL OR r.last_visit_at < v.visited_at) THEN v.retry_on
                                ELSE r.retry_on END,
                            event_at = CASE WHEN v.reached AND r.event_at <= v.visited_at THEN NULL ELSE r.event_at END
                        FROM visit v
                        WHERE v.id = :visit AND r.id = v.roster_id
                        """)
                .param("visit", visitId).update();
        jdbc.sql("""
                        INSERT INTO visit_month (month, elder_id, community_code, tier, on_roster, counted_visits)
                        SELECT date_trunc('month', v.visited_on)::date, v.elder_id, v.community_code, r.tier, TRUE, 1
                        FROM visit v JOIN visit_roster r ON r.id = v.roster_id
                        WHERE v.id = :visit AND v.reached
                        ON CONFLICT (month, elder_id) DO UPDATE SET counted_visits = visit_month.counted_visits + 1
                        """)
                .param("visit", visitId).update();
    }

    /** One alert per urgent area of the visit. */
    int raiseAlerts(long visitId, OffsetDateTime now) {
        List<String> unions = new ArrayList<>();
        for (FindingArea area : FindingArea.values()) {
            unions.add("SELECT '" + area.name() + "' AS area, v." + area.column() + " AS finding FROM visit v WHERE v.id = :visit");
        }
        return jdbc.sql("INSERT INTO visit_alert (visit_id, elder_id, community_code, area, raised_at)"
                        + " SELECT v.id, v.elder_id, v.community_code, f.area, :now FROM visit v"
                        + " JOIN (" + String.join(" UNION ALL ", unions) + ") f ON f.finding = 'URGENT'"
                        + " WHERE v.id = :visit ON CONFLICT DO NOTHING")
                .param("visit", visitId).param("now", now).update();
    }

    /** A visit in the user's scope. */
    Optional<VisitRecord> visit(long visitId, VisitScope scope) {
        List<VisitRecord> found = visits("v.id = :id", Map.of("id", visitId), scope, 1);
        return found.stream().findFirst();
    }

    /** The elder's visits, latest first. */
    List<VisitRecord> history(long elderId, VisitScope scope, int limit) {
        return visits("v.elder_id = :elder", Map.of("elder", elderId), scope, limit);
    }

    private List<VisitRecord> visits(String condition, Map<String, Object> params, VisitScope scope, int limit) {
        List<VisitRecord> rows = jdbc.sql("""
                        SELECT v.*, e.name AS elder_name, g.name AS community_name, u.display_name AS visitor_name
                        FROM visit v JOIN elder e ON e.id = v.elder_id JOIN region g ON g.code = v.community_code
                        JOIN app_user u ON u.id = v.visitor_id
                        WHERE\s""" + condition + " AND " + scope.condition("v") + """

                        ORDER BY v.visited_at DESC, v.id DESC LIMIT :limit
                        """)
                .params(params).params(scope.parameters()).param("limit", limit)
                .query(this::visit).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(VisitRecord::id).toList();
        List<Object[]> actions = jdbc.sql("SELECT visit_id, area, kind, started_at, started_by FROM visit_action"
                        + " WHERE visit_id IN (:ids) ORDER BY started_at")
                .param("ids", ids).query((rs, n) -> new Object[] {rs.getLong(1), new VisitRecord.Action(
                        FindingArea.valueOf(rs.getString(2)), FollowUp.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5))}).list();
        List<Object[]> alerts = jdbc.sql("SELECT visit_id, area FROM visit_alert WHERE visit_id IN (:ids)")
                .param("ids", ids).query((rs, n) -> new Object[] {rs.getLong(1), FindingArea.valueOf(rs.getString(2))})
                .list();
        List<VisitRecord> result = new ArrayList<>();
        for (VisitRecord row : rows) {
            List<VisitRecord.Action> own = actions.stream().filter(a -> (long) a[0] == row.id())
                    .map(a -> (VisitRecord.Action) a[1]).toList();
            List<FindingArea> alerted = alerts.stream().filter(a -> (long) a[0] == row.id())
                    .map(a -> (FindingArea) a[1]).toList();
            result.add(new VisitRecord(row.id(), row.elderId(), row.elderName(), row.communityName(),
                    row.visitorName(), row.visitedAt(), row.mode(), row.reached(), row.findings(), row.notes(),
                    row.note(), row.latitude(), row.longitude(), row.retryOn(), own, alerted));
        }
        return result;
    }

    private VisitRecord visit(ResultSet rs, int n) throws SQLException {
        Map<FindingArea, Finding> findings = new EnumMap<>(FindingArea.class);
        Map<FindingArea, String> notes = new EnumMap<>(FindingArea.class);
        for (FindingArea area : FindingArea.values()) {
            String finding = rs.getString(area.column());
            if (finding != null) {
                findings.put(area, Finding.valueOf(finding));
            }
            String note = rs.getString(area.column() + "_note");
            if (note != null) {
                notes.put(area, note);
            }
        }
        return new VisitRecord(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("elder_name"),
                rs.getString("community_name"), rs.getString("visitor_name"),
                rs.getObject("visited_at", OffsetDateTime.class), VisitMode.valueOf(rs.getString("mode")),
                rs.getBoolean("reached"), findings, notes, rs.getString("note"),
                rs.getObject("latitude", BigDecimal.class), rs.getObject("longitude", BigDecimal.class),
                rs.getObject("retry_on", LocalDate.class), List.of(), List.of());
    }

    /** @return false when the elder's open roster row is gone or already at that tier or higher */
    boolean raise(ElderVisitContext elder, RiskTier to, String reason, OffsetDateTime now, LocalDate month,
                  String actor) {
        int updated = jdbc.sql("""
                        UPDATE visit_roster SET raised_tier = :to
                        WHERE id = :roster AND left_on IS NULL AND tier = :from
                        """)
                .param("to", to.name()).param("roster", elder.rosterId()).param("from", elder.tier().name()).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO visit_tier_raise (roster_id, elder_id, from_tier, to_tier, reason, raised_at, raised_by)
                        VALUES (:roster, :elder, :from, :to, :reason, :now, :actor)
                        """)
                .param("roster", elder.rosterId()).param("elder", elder.elderId()).param("from", elder.tier().name())
                .param("to", to.name()).param("reason", reason).param("now", now).param("actor", actor).update();
        jdbc.sql("""
                        UPDATE visit_month m SET tier = r.tier FROM visit_roster r
                        WHERE r.id = :roster AND m.elder_id = r.elder_id AND m.month = :month
                        """)
                .param("roster", elder.rosterId()).param("month", month).update();
        return true;
    }

    /** Records a major event; the elder is due within the event hours unless visited after it. */
    long recordEvent(ElderVisitContext elder, EventForm form, OffsetDateTime occurredAt, OffsetDateTime now,
                     String actor) {
        long id = jdbc.sql("""
                        INSERT INTO visit_major_event (elder_id, community_code, kind, occurred_at, note, recorded_at, recorded_by)
                        VALUES (:elder, :community, :kind, :at, :note, :now, :actor) RETURNING id
                        """)
                .param("elder", elder.elderId()).param("community", elder.communityCode())
                .param("kind", form.kind().name()).param("at", occurredAt)
                .param("note", form.note() == null || form.note().isBlank() ? null : form.note().strip())
                .param("now", now).param("actor", actor).query(Long.class).single();
        jdbc.sql("""
                        UPDATE visit_roster SET event_at = LEAST(COALESCE(event_at, :at), :at)
                        WHERE id = :roster AND left_on IS NULL AND (last_visit_at IS NULL OR last_visit_at < :at)
                        """)
                .param("at", occurredAt).param("roster", elder.rosterId()).update();
        return id;
    }

    /** The elder's major events, latest first. */
    List<MajorEvent> events(long elderId, int limit) {
        return jdbc.sql("""
                        SELECT kind, occurred_at, note, recorded_by FROM visit_major_event WHERE elder_id = :elder
                        ORDER BY occurred_at DESC LIMIT :limit
                        """)
                .param("elder", elderId).param("limit", limit)
                .query((rs, n) -> new MajorEvent(MajorEventKind.valueOf(rs.getString("kind")),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("note"),
                        rs.getString("recorded_by")))
                .list();
    }

    record MajorEvent(MajorEventKind kind, OffsetDateTime occurredAt, String note, String recordedBy) {
    }

    /** The elder's tier raises, latest first. */
    List<Raise> raises(long elderId, int limit) {
        return jdbc.sql("""
                        SELECT from_tier, to_tier, reason, raised_at, raised_by FROM visit_tier_raise WHERE elder_id = :elder
                        ORDER BY raised_at DESC LIMIT :limit
                        """)
                .param("elder", elderId).param("limit", limit)
                .query((rs, n) -> new Raise(RiskTier.valueOf(rs.getString("from_tier")),
                        RiskTier.valueOf(rs.getString("to_tier")), rs.getString("reason"),
                        rs.getObject("raised_at", OffsetDateTime.class), rs.getString("raised_by")))
                .list();
    }

    record Raise(RiskTier from, RiskTier to, String reason, OffsetDateTime raisedAt, String raisedBy) {
    }

    /** @return false when that follow-up of the area had been started */
    boolean startFollowUp(long visitId, FindingArea area, FollowUp kind, OffsetDateTime now, String actor) {
        return jdbc.sql("""
                        INSERT INTO visit_action (visit_id, area, kind, started_at, started_by)
                        VALUES (:visit, :area, :kind, :now, :actor) ON CONFLICT DO NOTHING
                        """)
                .param("visit", visitId).param("area", area.name()).param("kind", kind.name()).param("now", now)
                .param("actor", actor).update() == 1;
    }

    private static String finding(VisitForm form, FindingArea area) {
        Finding finding = form.reachedElder() ? form.finding(area) : null;
        return finding == null ? null : finding.name();
    }

    private static String note(VisitForm form, FindingArea area) {
        return form.reachedElder() ? form.note(area) : null;
    }

    private static RiskTier tier(String name) {
        return name == null ? null : RiskTier.valueOf(name);
    }
}
