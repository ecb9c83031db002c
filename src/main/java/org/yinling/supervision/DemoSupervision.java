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
import org.yinling.account.DemoUsers;

/**
 * Demo inspections, after the demo institutions: two of every three demo institutions of the demo district inspected
 * once in the past months with checklist version 1 (a few items failed), their findings with the default deadlines;
 * findings older than a month rectified, re-checked and closed, the recent ones open (some overdue). All set-based,
 * once: nothing is added when demo inspections exist. Three incidents as well, two of them reviewed.
 */
@Component
@Order(DemoSupervision.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoSupervision implements ApplicationRunner {

    static final int ORDER = 95;
    static final String DEMO = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    /** The demo account of an institution's manager (issue 23). */
    static final String INSTITUTION_USER = "institution";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoUsers users;

    DemoSupervision(JdbcClient jdbc, Clock clock, DemoUsers users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!jdbc.sql("SELECT count(*) > 0 FROM supervision_inspection WHERE demo").query(Boolean.class).single()) {
            addInspections();
        }
        addInstitutionManager();
    }

    /**
     * The demo account {@value #INSTITUTION_USER}: the manager of a demo institution of 上塘 street (so that the demo
     * street inspector inspects it too), preferring one with open findings and an incident.
     */
    private void addInstitutionManager() {
        managedInstitution().ifPresent(id ->
                users.addInstitutionManager(INSTITUTION_USER, "颐乐养老院负责人 孙红（演示）", "330105000000", id));
    }

    private java.util.Optional<Long> managedInstitution() {
        Long bound = jdbc.sql("SELECT institution_id FROM app_user WHERE username = ?").param(INSTITUTION_USER)
                .query(Long.class).optional().orElse(null);
        if (bound != null) {
            return java.util.Optional.of(bound);
        }
        return jdbc.sql("""
                        SELECT i.id FROM institution i
                        WHERE i.demo AND i.community_code LIKE '330105%' AND i.status <> 'CLOSED'
                        ORDER BY i.community_code LIKE '330105001%' DESC,
                                 EXISTS (SELECT 1 FROM supervision_finding f WHERE f.institution_id = i.id AND f.closed_at IS NULL) DESC,
                                 EXISTS (SELECT 1 FROM supervision_incident n WHERE n.institution_id = i.id) DESC, i.id
                        LIMIT 1
                        """).query(Long.class).optional();
    }

    /**
     * The institution manager's institution: a recent inspection with three failed items whose findings are open, one
     * of them overdue, for the manager to answer.
     */
    private void addManagedInstitutionsInspection(LocalDate today) {
        managedInstitution().ifPresent(id -> {
            long inspection = jdbc.sql("""
                            INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status,
                                inspector_name, representative_name, submitted_at, demo, created_by)
                            SELECT :id, c.id, :on, 'SUBMITTED', '李强（演示）', '孙红（演示）',
                                   (CAST(:on AS date) + time '10:00') AT TIME ZONE 'Asia/Shanghai', TRUE, :demo
                            FROM supervision_checklist c WHERE c.version = 1
                            ON CONFLICT DO NOTHING RETURNING id
                            """).param("id", id).param("on", today.minusDays(5)).param("demo", DEMO)
                    .query(Long.class).optional().orElse(-1L);
            if (inspection < 0) {
                return;
            }
            jdbc.sql("""
                    INSERT INTO supervision_result (inspection_id, item_id, outcome, note)
                    SELECT :inspection, it.id, CASE WHEN it.position IN (12, 35, 51) THEN 'FAIL' ELSE 'PASS' END,
                           CASE it.position WHEN 12 THEN '本年度未开展消防演练（演示）' WHEN 35 THEN '卫生间缺少扶手（演示）'
                                            WHEN 51 THEN '夜班交接记录不全（演示）' END
                    FROM supervision_inspection s JOIN supervision_checklist_item it ON it.checklist_id = s.checklist_id
                    WHERE s.id = :inspection
                    """).param("inspection", inspection).update();
            jdbc.sql("""
                    INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                    SELECT s.id, r.item_id, s.institution_id, it.severity, r.note, s.submitted_at,
                           ((s.submitted_at AT TIME ZONE 'Asia/Shanghai')
                            + make_interval(days => CASE it.severity WHEN 'ORANGE' THEN 3 WHEN 'YELLOW' THEN 7 ELSE 15 END))
                           AT TIME ZONE 'Asia/Shanghai'
                    FROM supervision_inspection s
                    JOIN supervision_result r ON r.inspection_id = s.id AND r.outcome = 'FAIL'
                    JOIN supervision_checklist_item it ON it.id = r.item_id
                    WHERE s.id = :inspection
                    """).param("inspection", inspection).update();
        });
    }

    private void addInspections() {
        LocalDate today = LocalDate.now(clock);
        int inspections = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status,
                            inspector_name, representative_name, submitted_at, demo, created_by)
                        SELECT i.id, c.id, :today - ((i.n * 37) % 150 + 1)::int, 'SUBMITTED', '王建国（演示）',
                               COALESCE(i.contact_name, '机构负责人'),
                               ((:today - ((i.n * 37) % 150 + 1)::int) + time '10:00') AT TIME ZONE 'Asia/Shanghai',
                               TRUE, :demo
                        FROM (SELECT id, contact_name, row_number() OVER (ORDER BY id) AS n
                              FROM institution WHERE demo AND community_code LIKE '330105%' AND status <> 'CLOSED') i
                        JOIN supervision_checklist c ON c.version = 1
                        WHERE i.n % 3 <> 0
                        """).param("today", today).param("demo", DEMO).update();
        jdbc.sql("""
                INSERT INTO supervision_result (inspection_id, item_id, outcome, note)
                SELECT s.id, it.id,
                       CASE WHEN (it.position + s.institution_id) % 9 = 0 THEN 'FAIL'
                            WHEN it.area = 'FOOD' AND s.institution_id % 4 = 0 THEN 'NOT_APPLICABLE' ELSE 'PASS' END,
                       CASE WHEN (it.position + s.institution_id) % 9 = 0 THEN '现场发现不符合要求（演示）' END
                FROM supervision_inspection s JOIN supervision_checklist_item it ON it.checklist_id = s.checklist_id
                WHERE s.demo
                """).update();
        int findings = jdbc.sql("""
                        INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                        SELECT s.id, r.item_id, s.institution_id, it.severity, r.note, s.submitted_at,
                               CASE it.severity WHEN 'RED' THEN s.submitted_at + interval '24 hours'
                                    ELSE ((s.submitted_at AT TIME ZONE 'Asia/Shanghai')
                                          + make_interval(days => CASE it.severity WHEN 'ORANGE' THEN 3 WHEN 'YELLOW' THEN 7 ELSE 15 END))
                                         AT TIME ZONE 'Asia/Shanghai' END
                        FROM supervision_inspection s
                        JOIN supervision_result r ON r.inspection_id = s.id AND r.outcome = 'FAIL'
                        JOIN supervision_checklist_item it ON it.id = r.item_id
                        WHERE s.demo
                        """).update();
        jdbc.sql("""
                UPDATE supervision_finding f SET rectification = '已按要求整改，附现场照片（演示）', rectified_by = :demo,
                    rectified_at = f.deadline - interval '2 hours', recheck_note = '复查合格（演示）', closed_by = :demo,
                    closed_at = f.deadline - interval '1 hour'
                FROM supervision_inspection s
                WHERE s.id = f.inspection_id AND s.demo AND s.inspected_on < :since
                """).param("demo", DEMO).param("since", today.minusDays(30)).update();
        // a follow-up inspection of the welfare home (the institution with the waiting list) five days ago: escape
        // routes blocked, a red finding still open (overdue), with an orange one (overdue) and a blue one (not yet
        // due), so that the consequences show once the district turns them on (the default settings are off: V54)
        int followUp = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status,
                            inspector_name, representative_name, submitted_at, demo, created_by)
                        SELECT i.id, c.id, CAST(:day AS date), 'SUBMITTED', '王建国（演示）', COALESCE(i.contact_name, '机构负责人'),
                               (CAST(:day AS date) + time '15:00') AT TIME ZONE 'Asia/Shanghai', TRUE, :demo
                        FROM institution i JOIN supervision_checklist c ON c.version = 1
                        WHERE i.demo AND i.kind = 'PUBLIC_HOME' AND i.community_code LIKE '330105%' AND i.status <> 'CLOSED'
                        ORDER BY i.id LIMIT 1
                        """).param("day", today.minusDays(5)).param("demo", DEMO).update();
        if (followUp > 0) {
            jdbc.sql("""
                    INSERT INTO supervision_result (inspection_id, item_id, outcome, note)
                    SELECT s.id, it.id, CASE WHEN it.position IN (11, 32, 51) THEN 'FAIL' ELSE 'PASS' END,
                           CASE it.position WHEN 11 THEN '二楼安全出口堆放杂物（演示）' WHEN 32 THEN '两位卧床老人翻身记录缺失（演示）'
                                WHEN 51 THEN '夜班交接记录不全（演示）' END
                    FROM supervision_inspection s JOIN supervision_checklist_item it ON it.checklist_id = s.checklist_id
                    WHERE s.demo AND s.inspected_on = :day AND NOT EXISTS (
                        SELECT 1 FROM supervision_result r WHERE r.inspection_id = s.id)
                    """).param("day", today.minusDays(5)).update();
            findings += jdbc.sql("""
                            INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, note, found_at, deadline)
                            SELECT s.id, r.item_id, s.institution_id, it.severity, r.note, s.submitted_at,
                                   CASE it.severity WHEN 'RED' THEN s.submitted_at + interval '24 hours'
                                        ELSE ((s.submitted_at AT TIME ZONE 'Asia/Shanghai')
                                              + make_interval(days => CASE it.severity WHEN 'ORANGE' THEN 3 WHEN 'YELLOW' THEN 7 ELSE 15 END))
                                             AT TIME ZONE 'Asia/Shanghai' END
                            FROM supervision_inspection s
                            JOIN supervision_result r ON r.inspection_id = s.id AND r.outcome = 'FAIL'
                            JOIN supervision_checklist_item it ON it.id = r.item_id
                            WHERE s.demo AND s.inspected_on = :day
                            ON CONFLICT DO NOTHING
                            """).param("day", today.minusDays(5)).update();
        }
        int incidents = jdbc.sql("""
                        INSERT INTO supervision_incident (institution_id, kind, occurred_at, residents, family_notified_at,
                            hospital, outcome, reported_by, reported_at, review_note, reviewed_at, reviewed_by)
                        SELECT i.id, v.kind, v.at, v.residents, v.at + interval '40 minutes', v.hospital, v.outcome, :demo,
                               v.at + interval '2 hours', CASE WHEN v.reviewed THEN '处置得当，已核实（演示）' END,
                               CASE WHEN v.reviewed THEN v.at + interval '1 day' END, CASE WHEN v.reviewed THEN :demo END
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM institution
                              WHERE demo AND community_code LIKE '330105%' AND status <> 'CLOSED') i
                        JOIN (VALUES (1, 'FALL', (:today - 40 + time '07:30') AT TIME ZONE 'Asia/Shanghai', '住养老人 张某（演示）',
                                      '杭州市第三人民医院', '右腕骨折，已手术，家属陪护', TRUE),
                                     (2, 'CHOKING', (:today - 12 + time '12:10') AT TIME ZONE 'Asia/Shanghai', '住养老人 李某（演示）',
                                      NULL, '护理员海姆立克急救后恢复，已加强进食看护', TRUE),
                                     (3, 'WANDERING', (:today - 2 + time '16:45') AT TIME ZONE 'Asia/Shanghai', '住养老人 王某（演示）',
                                      NULL, '两小时后在附近公园找到，已加装门禁提醒', FALSE))
                             AS v (n, kind, at, residents, hospital, outcome, reviewed) ON v.n = i.n
                        """).param("today", today).param("demo", DEMO).update();
        addManagedInstitutionsInspection(today);
        log.info("Demo supervision: {} inspections, {} findings, {} incidents", inspections, findings, incidents);
    }
}
