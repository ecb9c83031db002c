package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.DemoUsers;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;

/**
 * Demo visits, after the demo elders, institutions and home care: the demo visitors of 蓝天 community ({@code visitor},
 * a 网格员, and {@code visitor2}, a volunteer), the roster computed by the default rules (dated from the first day of
 * the month two months back), 蓝天's rostered elders bound in turn to the two visitors and the community clerk, and
 * two months of their visits by tier (weekly, monthly, once), about one in ten not reaching the elder, some concerns
 * and a few urgent findings (alerts, the older ones handled), one elder in four left overdue. All set-based, once:
 * nothing is added when demo visits exist.
 */
@Component
@Order(DemoVisits.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoVisits implements ApplicationRunner {

    static final int ORDER = 80;
    static final String LANTIAN = "330105001001";
    static final String DEMO = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private final DemoUsers users;
    private final VisitRoster roster;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoVisits(DemoUsers users, VisitRoster roster, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.roster = roster;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = users.add("visitor", "蓝天社区 网格员 孙悦（演示）", Role.VISITOR, LANTIAN, null)
                + users.add("visitor2", "蓝天社区 志愿者 周平（演示）", Role.VISITOR, LANTIAN, null);
        if (jdbc.sql("SELECT count(*) > 0 FROM visit WHERE created_by = :demo").param("demo", DEMO)
                .query(Boolean.class).single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.withDayOfMonth(1).minusMonths(2);
        roster.recompute("", AuditLog.SYSTEM);
        jdbc.sql("UPDATE visit_roster SET rostered_on = :since WHERE left_on IS NULL AND rostered_on > :since")
                .param("since", since).update();
        int bound = jdbc.sql("""
                        INSERT INTO visit_binding (elder_id, visitor_id, bound_by)
                        SELECT r.elder_id, v.id, :demo
                        FROM (SELECT elder_id, community_code,
                                     row_number() OVER (PARTITION BY community_code ORDER BY elder_id) AS n
                              FROM visit_roster WHERE left_on IS NULL AND community_code = :community) r
                        JOIN (SELECT id, region_code, row_number() OVER (PARTITION BY region_code ORDER BY id) - 1 AS k,
                                     count(*) OVER (PARTITION BY region_code) AS c
                              FROM app_user WHERE role IN ('VISITOR', 'COMMUNITY_CLERK') AND enabled
                                AND region_code = :community) v
                          ON v.region_code = r.community_code AND v.k = r.n % v.c
                        ON CONFLICT DO NOTHING
                        """)
                .param("demo", DEMO).param("community", LANTIAN).update();
        int visits = jdbc.sql("""
                        INSERT INTO visit (elder_id, roster_id, community_code, visitor_id, visited_on, visited_at, mode,
                                           reached, health, health_note, home_safety, home_safety_note, money, family,
                                           services, services_note, retry_on, submission_key, created_by)
                        SELECT s.elder_id, s.roster_id, s.community_code, s.visitor_id, s.day,
                               (s.day + time '09:00' + ((s.elder_id * 7 + s.k) % 480) * interval '1 minute') AT TIME ZONE :zone,
                               CASE (s.elder_id + s.k) % 5 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'VIDEO' ELSE 'HOME' END,
                               s.reached,
                               CASE WHEN NOT s.reached THEN NULL WHEN s.h % 97 = 0 THEN 'URGENT' WHEN s.h % 11 = 0 THEN 'CONCERN' ELSE 'FINE' END,
                               CASE WHEN s.reached AND s.h % 97 = 0 THEN '血压很高，头晕，已联系家属'
                                    WHEN s.reached AND s.h % 11 = 0 THEN '腿脚不便，近期少出门' END,
                               CASE WHEN NOT s.reached THEN NULL WHEN s.h % 89 = 0 THEN 'URGENT' WHEN s.h % 13 = 0 THEN 'CONCERN' ELSE 'FINE' END,
                               CASE WHEN s.reached AND s.h % 89 = 0 THEN '燃气软管老化漏气，已关阀门'
                                    WHEN s.reached AND s.h % 13 = 0 THEN '卫生间地面湿滑，建议加装扶手' END,
                               CASE WHEN s.reached THEN CASE WHEN s.h % 17 = 0 THEN 'CONCERN' ELSE 'FINE' END END,
                               CASE WHEN s.reached THEN 'FINE' END,
                               CASE WHEN NOT s.reached THEN NULL WHEN s.h % 7 = 0 THEN 'CONCERN' ELSE 'FINE' END,
                               CASE WHEN s.reached AND s.h % 7 = 0 THEN '希望有人上门助洁' END,
                               CASE WHEN s.reached THEN NULL ELSE s.day + 2 END,
                               md5('demo-visit:' || s.elder_id || ':' || s.day)::uuid, :demo
                        FROM (SELECT b.*, d::date AS day, row_number() OVER (PARTITION BY b.elder_id ORDER BY d) AS k,
                                     (b.elder_id * 31 + extract(doy FROM d)::int * 7) % 1000 AS h,
                                     (b.elder_id * 3 + (d::date - DATE '2000-01-01') / b.step) % 10 <> 0 AS reached
                              FROM (SELECT r.id AS roster_id, r.elder_id, r.community_code, r.rostered_on, bd.visitor_id,
                                           CASE r.tier WHEN 'HIGH' THEN 7 WHEN 'MEDIUM' THEN 30 ELSE 45 END AS step
                                    FROM visit_roster r JOIN visit_binding bd ON bd.elder_id = r.elder_id
                                    WHERE r.left_on IS NULL) b
                              CROSS JOIN LATERAL generate_series(b.rostered_on + (b.elder_id % b.step)::int, :yesterday,
                                                                 make_interval(days => b.step)) d) s
                        WHERE NOT (s.elder_id % 4 = 0 AND s.day > CAST(:today AS DATE) - 12)
                        ON CONFLICT (submission_key) DO NOTHING
                        """)
                .param("zone", clock.getZone().getId()).param("demo", DEMO).param("yesterday", today.minusDays(1))
                .param("today", today).update();
        // the roster's visit facts, as recording each visit would have left them
        jdbc.sql("""
                        UPDATE visit_roster r SET last_visit_at = x.last_visit_at,
                               retry_on = CASE WHEN x.last_attempt_retry IS NOT NULL
                                                AND (x.last_visit_at IS NULL OR x.last_attempt_at > x.last_visit_at)
                                               THEN x.last_attempt_retry END
                        FROM (SELECT v.roster_id, max(v.visited_at) FILTER (WHERE v.reached) AS last_visit_at,
                                     max(v.visited_at) FILTER (WHERE NOT v.reached) AS last_attempt_at,
                                     max(v.retry_on) AS last_attempt_retry
                              FROM visit v WHERE v.created_by = :demo GROUP BY v.roster_id) x
                        WHERE r.id = x.roster_id
                        """)
                .param("demo", DEMO).update();
        jdbc.sql("""
                        INSERT INTO visit_month (month, elder_id, community_code, tier, on_roster, counted_visits)
                        SELECT m::date, r.elder_id, r.community_code, r.tier, TRUE, coalesce(c.n, 0)
                        FROM visit_roster r
                        CROSS JOIN LATERAL generate_series(date_trunc('month', r.rostered_on), CAST(:today AS DATE), interval '1 month') m
                        LEFT JOIN (SELECT roster_id, date_trunc('month', visited_on) AS month, count(*) AS n FROM visit
                                   WHERE reached GROUP BY 1, 2) c ON c.roster_id = r.id AND c.month = m
                        WHERE r.left_on IS NULL
                        ON CONFLICT (month, elder_id) DO UPDATE SET counted_visits = EXCLUDED.counted_visits
                        """)
                .param("today", today).update();
        jdbc.sql("""
                        INSERT INTO visit_alert (visit_id, elder_id, community_code, area, raised_at, handled_at, handled_by,
                                                 handled_note)
                        SELECT v.id, v.elder_id, v.community_code, a.area, v.visited_at,
                               CASE WHEN v.visited_on < CAST(:today AS DATE) - 7 THEN v.visited_at + interval '3 hours' END,
                               CASE WHEN v.visited_on < CAST(:today AS DATE) - 7 THEN 'street' END,
                               CASE WHEN v.visited_on < CAST(:today AS DATE) - 7 THEN '已上门处置（演示）' END
                        FROM visit v CROSS JOIN LATERAL (VALUES ('HEALTH', v.health), ('HOME_SAFETY', v.home_safety)) a (area, finding)
                        WHERE v.created_by = :demo AND a.finding = 'URGENT'
                        ON CONFLICT DO NOTHING
                        """)
                .param("demo", DEMO).param("today", today).update();
        log.info("Demo visits: {} visitor accounts, {} elders bound, {} visits", added, bound, visits);
    }
}
