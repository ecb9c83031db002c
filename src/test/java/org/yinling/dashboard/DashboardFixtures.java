package org.yinling.dashboard;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.system.TestUsers;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Regions through the administration form (so the region snapshot knows them), and elders, institutions, beds and
 * caregivers written straight into the tables, so that every expected figure is known.
 */
record DashboardFixtures(MockMvc mvc, JdbcClient jdbc, 
                         PasswordEncoder encoder) {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    void region(String code, String parent, String name, String urbanRural, Integer population) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Long.class).single() > 0) {
            return;
        }
        var request = post("/admin/regions").with(TestUsers.as("admin")).with(csrf())
                .param("code", code).param("parentCode", parent == null ? "" : parent).param("name", name);
        if (urbanRural != null) {
            request.param("urbanRuralClass", urbanRural).param("registeredPopulation", population.toString());
        }
        mvc.perform(request);
    }

    RequestPostProcessor as(String username, String role, String region) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """).params(username, username, encoder.encode("Secret123"), role, region).update();
        return TestUsers.as(username);
    }

    long elder(String community, String sex, LocalDate birthDate, String economicStatus, Integer capability) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "110105" + birthDate.toString().replace("-", "") + "%03d".formatted(n % 1000) + "X";
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, capability_level, created_by, updated_by)
                        VALUES (?, ?, ?, ?, TRUE, ?, 'ALONE', ?, ?, 'test', 'test') RETURNING id
                        """)
                .params(residentId, "看板测" + n, sex, birthDate, community, economicStatus, capability)
                .query(Long.class).single();
    }

    long institution(String community, String kind, String ownership, int beds, int nursingBeds) {
        long id = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'test', 'test') RETURNING id
                        """)
                .params("看板机构" + SEQUENCE.incrementAndGet(), kind, ownership, community).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO bed (institution_id, room, label, nursing)
                        SELECT ?, 'R', 'B' || g, g <= ? FROM generate_series(1, ?) g
                        """).params(id, nursingBeds, beds).update();
        return id;
    }

    void stay(long elderId, long institutionId, boolean extremePoverty) {
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        SELECT ?, ?, min(id), CURRENT_DATE - 10, 'GOVERNMENT', ?, 'test' FROM bed WHERE institution_id = ?
                        """).params(elderId, institutionId, extremePoverty, institutionId).update();
    }

    void caregiver(long institutionId, String certificate, LocalDate expires, boolean active) {
        jdbc.sql("""
                        INSERT INTO caregiver (institution_id, name, certificate_type, certificate_number, certificate_expires,
                            active, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'test', 'test')
                        """).params(institutionId, "护理员" + SEQUENCE.incrementAndGet(), certificate == null ? null : "养老护理员",
                        certificate, expires, active).update();
    }

    long policy(String code, String kind, String district) {
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            rule, status, published_at, published_by, created_by, updated_by)
                        VALUES (?, 1, ?, ?, ?, DATE '2026-01-01', 'MONTHLY', '{}'::jsonb, 'PUBLISHED', now(), 'test', 'test', 'test')
                        RETURNING id
                        """).params(code, "看板政策" + code, kind, district).query(Long.class).single();
    }

    /** An approved application and its active entitlement. */
    long entitlement(long elderId, long policyId, String policyCode, String community, String amount) {
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, CAST(? AS numeric), CURRENT_DATE, CURRENT_DATE, now(), 'test', 'test')
                        RETURNING id
                        """).params(elderId, policyId, policyCode, community, amount).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, CAST(? AS numeric), 'MONTHLY', CAST(date_trunc('month', CURRENT_DATE) AS date),
                            'ACTIVE', 'test') RETURNING id
                        """).params(elderId, policyId, policyCode, application, community, amount).query(Long.class).single();
    }

    long batch(String district) {
        return jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, generated_by, generated_at)
                        VALUES (?, CAST(date_trunc('month', CURRENT_DATE) AS date), 'GENERATED', 'test', now()) RETURNING id
                        """).param(district).query(Long.class).single();
    }

    void line(long batchId, long entitlementId, String status) {
        jdbc.sql("""
                        INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                            elder_name, resident_id, community_code, policy_version, tier_index, amount, reference, status)
                        SELECT ?, t.id, t.elder_id, t.policy_id, t.policy_code, CAST(date_trunc('month', CURRENT_DATE) AS date),
                               'REGULAR', e.name, e.resident_id, t.community_code, 1, 0, t.amount, 'T' || t.id || '-' || ?, ?
                        FROM subsidy_entitlement t JOIN elder e ON e.id = t.elder_id WHERE t.id = ?
                        """).params(batchId, status, status, entitlementId).update();
    }

    void mealPoint(String community, String... alsoServes) {
        long id = jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, created_by, updated_by)
                        VALUES (?, 'CANTEEN', ?, 'test', 'test') RETURNING id
                        """).params("看板食堂" + SEQUENCE.incrementAndGet(), community).query(Long.class).single();
        for (String served : alsoServes) {
            jdbc.sql("INSERT INTO meal_point_community (meal_point_id, community_code) VALUES (?, ?)").params(id, served).update();
        }
    }
}
