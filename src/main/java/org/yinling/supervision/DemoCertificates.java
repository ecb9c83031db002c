package org.yinling.supervision;

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

/**
 * Demo certificates and star ratings, after the demo inspections. Every demo institution of the demo district gets a
 * fire-safety acceptance, a food business licence and a liability insurance (the welfare home, which runs its own
 * clinic, also a medical licence): some expire within 30 days, one insurance has expired, one institution has none
 * (missing), and one insurance was replaced (history). Ratings: the welfare home rated grade 4 and 颐乐 grade 3 with
 * section scores, 湖墅 a grade whose validity has ended, 康桥 an application under way. All set-based, once.
 */
@Component
@Order(DemoCertificates.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoCertificates implements ApplicationRunner {

    static final int ORDER = DemoSupervision.ORDER + 1;
    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCertificates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) > 0 FROM supervision_certificate WHERE demo").query(Boolean.class).single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // n = the institution's place among the demo institutions; v.pick says which of them get the row
        int certificates = jdbc.sql("""
                        WITH i AS (
                            SELECT id, medical_arrangement, row_number() OVER (ORDER BY id) AS n FROM institution
                            WHERE demo AND community_code LIKE '330105%' AND status <> 'CLOSED'
                        )
                        INSERT INTO supervision_certificate (institution_id, kind, number, issuer, issued_on, expires_on,
                            note, recorded_at, recorded_by, replaced_at, replaced_by, demo)
                        SELECT i.id, v.kind, v.prefix || lpad(i.id::text, 5, '0'), v.issuer, v.issued, v.expires, NULL,
                               (v.issued + time '09:00') AT TIME ZONE 'Asia/Shanghai', :demo,
                               CASE WHEN v.replaced THEN (:today - 200 + time '09:00') AT TIME ZONE 'Asia/Shanghai' END,
                               CASE WHEN v.replaced THEN :demo END, TRUE
                        FROM i CROSS JOIN LATERAL (VALUES
                            ('FIRE_SAFETY', '杭消验字', '杭州市拱墅区消防救援大队', DATE '2019-05-10', CAST(NULL AS DATE),
                             i.n <> 2, FALSE),
                            ('FOOD_LICENCE', 'JY13301050', '拱墅区市场监督管理局', :today - 1500,
                             CASE WHEN i.n = 1 THEN :today + 12 ELSE :today + 300 + (i.n * 30)::int END, i.n <> 2, FALSE),
                            ('MEDICAL_LICENCE', 'PDY-330105-', '拱墅区卫生健康局', :today - 1700, :today + 20,
                             i.medical_arrangement IN ('OWN_CLINIC', 'MEDICAL_INSTITUTION'), FALSE),
                            ('LIABILITY_INSURANCE', 'PZAA2025330105', '中国人民财产保险股份有限公司杭州市分公司',
                             CASE i.n WHEN 3 THEN :today - 370 WHEN 4 THEN :today - 340 ELSE :today - 200 END,
                             CASE i.n WHEN 3 THEN :today - 5 WHEN 4 THEN :today + 25 ELSE :today + 165 END,
                             i.n <> 2, FALSE),
                            ('LIABILITY_INSURANCE', 'PZAA2024330105', '中国人民财产保险股份有限公司杭州市分公司',
                             :today - 565, :today - 200, i.n = 1, TRUE))
                            AS v (kind, prefix, issuer, issued, expires, pick, replaced)
                        WHERE v.pick
                        """).param("today", today).param("demo", DemoSupervision.DEMO).update();
        int ratings = jdbc.sql("""
                        INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by,
                            status, environment, facilities, operations, services, total, conditions_held, grade,
                            rated_on, valid_until, note, decided_by, decided_at, legacy, demo)
                        SELECT i.id, s.id, v.applied, v.applied_on, :demo, v.status, v.env, v.fac, v.ops, v.svc,
                               v.env + v.fac + v.ops + v.svc,
                               CASE WHEN v.status = 'DECIDED' AND NOT v.legacy THEN '{1,2,3,4,5}'::int[] ELSE '{}'::int[] END,
                               v.grade, v.rated_on,
                               CASE WHEN v.grade IS NOT NULL THEN (v.rated_on + make_interval(months => s.validity_months) - interval '1 day')::date END,
                               v.note, CASE WHEN v.status = 'DECIDED' THEN :demo END,
                               CASE WHEN v.status = 'DECIDED' THEN (v.rated_on + time '16:00') AT TIME ZONE 'Asia/Shanghai' END,
                               v.legacy, TRUE
                        FROM institution i
                        JOIN (VALUES ('拱墅区社会福利院（演示）', 4, :today - 430, 'DECIDED', 108.0, 117.0, 130.0, 530.0, 4,
                                      :today - 400, '现场评审合格（演示）', FALSE),
                                     ('颐乐养老院（演示）', 3, :today - 730, 'DECIDED', 80.0, 90.0, 100.0, 420.0, 3,
                                      :today - 700, '现场评审合格（演示）', FALSE),
                                     ('湖墅公建民营养老院（演示）', 2, :today - 1230, 'DECIDED', NULL, NULL, NULL, NULL, 2,
                                      :today - 1200, '原机构信息中的星级（演示）', TRUE),
                                     ('康桥敬老院（演示）', 2, :today - 10, 'APPLIED', NULL, NULL, NULL, NULL, NULL,
                                      NULL, NULL, FALSE))
                             AS v (name, applied, applied_on, status, env, fac, ops, svc, grade, rated_on, note, legacy)
                          ON v.name = i.name
                        JOIN supervision_rating_scheme s ON s.region_prefix = '' AND s.effective_from = DATE '2019-01-01'
                        WHERE i.demo AND NOT EXISTS (SELECT 1 FROM supervision_rating r WHERE r.institution_id = i.id
                                                     AND (r.status = 'APPLIED' OR NOT r.legacy))
                        """).param("today", today).param("demo", DemoSupervision.DEMO).update();
        log.info("Demo certificates: {} certificates, {} ratings", certificates, ratings);
    }
}
