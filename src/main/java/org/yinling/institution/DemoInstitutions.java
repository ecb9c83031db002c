package org.yinling.institution;

import java.util.List;

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
 * Demo institutions of the demo district, after the demo elders: a welfare home, a rural home, a private home (too
 * big for its medical agreement, so the seed 002 flag shows), a publicly built privately run home, a day-care centre
 * and an embedded micro home, with beds, residents from the demo elders (set-based), caregivers and a waiting list.
 * Nothing is added when demo institutions exist. Their star ratings come from the supervision demo data.
 */
@Component
@Order(DemoInstitutions.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoInstitutions implements ApplicationRunner {

    static final int ORDER = 50;
    private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

    private record Demo(String name, InstitutionKind kind, Ownership ownership, String community, int beds,
                        MedicalArrangement medical, int occupiedPercent) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("拱墅区社会福利院（演示）", InstitutionKind.PUBLIC_HOME, Ownership.PUBLIC, "330105002001", 300,
                    MedicalArrangement.OWN_CLINIC, 85),
            new Demo("康桥敬老院（演示）", InstitutionKind.RURAL_HOME, Ownership.PUBLIC, "330105010201", 60,
                    MedicalArrangement.AGREEMENT, 70),
            new Demo("颐乐养老院（演示）", InstitutionKind.PRIVATE_HOME, Ownership.PRIVATE, "330105001001", 120,
                    MedicalArrangement.AGREEMENT, 75),
            new Demo("湖墅公建民营养老院（演示）", InstitutionKind.PRIVATE_HOME, Ownership.PUBLIC_BUILT_PRIVATE_RUN,
                    "330105009001", 80, MedicalArrangement.AGREEMENT, 60),
            new Demo("米市巷日间照料中心（演示）", InstitutionKind.DAY_CARE_CENTRE, Ownership.PUBLIC, "330105003001", 20,
                    MedicalArrangement.AGREEMENT, 50),
            new Demo("和睦嵌入式微型养老机构（演示）", InstitutionKind.EMBEDDED_MICRO, Ownership.PRIVATE, "330105007001", 30,
                    MedicalArrangement.AGREEMENT, 80));

    private final JdbcClient jdbc;

    DemoInstitutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM institution WHERE demo").query(Integer.class).single() > 0) {
            return;
        }
        int stays = 0;
        for (Demo demo : DEMOS) {
            if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(demo.community()).query(Integer.class)
                    .single() == 0) {
                continue;
            }
            long id = jdbc.sql("""
                            INSERT INTO institution (name, kind, ownership, operator, licence_number, licence_date,
                                community_code, address, opened_on, medical_arrangement,
                                payee_bank, payee_account, demo, created_by, updated_by)
                            VALUES (?, ?, ?, '演示运营方', 'YL-DEMO-' || ?, DATE '2020-06-01', ?, '演示地址', DATE '2015-01-01',
                                ?, '演示银行', '622200000000' || lpad(?, 4, '0'), TRUE, 'system', 'system')
                            RETURNING id
                            """)
                    .params(demo.name(), demo.kind().name(), demo.ownership().name(), demo.community().substring(6),
                            demo.community(), demo.medical().name(),
                            demo.community().substring(8))
                    .query(Long.class).single();
            // rooms of four beds; every third bed nursing-type
            jdbc.sql("""
                            INSERT INTO bed (institution_id, room, label, nursing, created_at)
                            SELECT ?, (100 + (n - 1) / 4)::text, (1 + (n - 1) % 4)::text, n % 3 = 0,
                                   TIMESTAMPTZ '2015-01-01 00:00+08' -- in use since the opening: in every past month's report
                            FROM generate_series(1, ?) n
                            """)
                    .params(id, demo.beds()).update();
            stays += admit(id, demo);
            // caregivers: one per eight beds, most of them certified
            jdbc.sql("""
                            INSERT INTO caregiver (institution_id, name, certificate_type, certificate_number,
                                certificate_level, certificate_expires, created_by, updated_by, created_at)
                            SELECT ?, '护理员' || n, CASE WHEN n % 12 <> 0 THEN '养老护理员职业技能等级证书' END,
                                CASE WHEN n % 12 <> 0 THEN 'HL' || ? || lpad(n::text, 3, '0') END,
                                CASE WHEN n % 12 <> 0 THEN '四级' END,
                                CASE WHEN n % 12 <> 0 THEN DATE '2028-12-31' END, 'system', 'system',
                                now() - INTERVAL '1 year'
                            FROM generate_series(1, GREATEST(1, ? / 8)) n
                            """)
                    .params(id, id, demo.beds()).update();
        }
        waitingList();
        log.info("Demo institutions: added {} institutions with {} residents", DEMOS.size(), stays);
    }

    /**
     * Fills the given share of an institution's beds with active demo elders of 75 and more who stay nowhere yet, in
     * one statement (bed n gets the n-th such elder). A publicly built, privately run home gets 特困 elders first.
     */
    private int admit(long institutionId, Demo demo) {
        return jdbc.sql("""
                        WITH beds AS (
                            SELECT id, row_number() OVER (ORDER BY id) AS n FROM bed WHERE institution_id = ?
                            ORDER BY id LIMIT ?
                        ),
                        elders AS (
                            SELECT e.id, e.economic_status, row_number() OVER (
                                       ORDER BY (e.economic_status = 'EXTREME_POVERTY' AND ?) DESC, e.id) AS n
                            FROM elder e
                            WHERE e.demo AND e.life_status = 'ACTIVE' AND e.birth_date <= CURRENT_DATE - INTERVAL '75 years'
                              AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.elder_id = e.id AND s.ended_on IS NULL)
                            ORDER BY (e.economic_status = 'EXTREME_POVERTY' AND ?) DESC, e.id
                            LIMIT ?
                        )
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        SELECT e.id, ?, b.id, DATE '2025-01-01' + (e.id % 600)::int,
                            CASE WHEN e.economic_status = 'EXTREME_POVERTY' THEN 'GOVERNMENT' ELSE 'FAMILY' END,
                            e.economic_status = 'EXTREME_POVERTY', 'system'
                        FROM beds b JOIN elders e ON e.n = b.n
                        """)
                .params(institutionId, demo.beds() * demo.occupiedPercent() / 100,
                        demo.ownership() == Ownership.PUBLIC_BUILT_PRIVATE_RUN,
                        demo.ownership() == Ownership.PUBLIC_BUILT_PRIVATE_RUN,
                        demo.beds() * demo.occupiedPercent() / 100, institutionId)
                .update();
    }

    /** Fifteen elders waiting for the welfare home, from the most severe capability levels. */
    private void waitingList() {
        jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        SELECT e.id, i.id, DATE '2026-01-05' + (e.id % 300)::int, 'system'
                        FROM institution i CROSS JOIN LATERAL (
                            SELECT e.id FROM elder e
                            WHERE e.demo AND e.life_status = 'ACTIVE' AND e.capability_level >= 2
                              AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.elder_id = e.id AND s.ended_on IS NULL)
                            ORDER BY e.id DESC LIMIT 15) e
                        WHERE i.demo AND i.kind = 'PUBLIC_HOME'
                        """).update();
    }
}
