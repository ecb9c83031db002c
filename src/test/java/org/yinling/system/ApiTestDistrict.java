package org.yinling.system;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.util.ReflectionTestUtils;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/**
 * A district of the read API's tests (issue 22) that no other test touches: 339801 with two streets and three
 * communities (甲 and 乙 in street one, 丙 in street two), and 23 elders spread over the communities. Idempotent.
 */
public final class ApiTestDistrict {

    public static final String DISTRICT = "339801000000";
    public static final String STREET_ONE = "339801001000";
    public static final String STREET_TWO = "339801002000";
    public static final List<String> COMMUNITIES = List.of("339801001001", "339801001002", "339801002001");

    private ApiTestDistrict() {
    }

    /**
     * Creates the district and its elders once. The regions are written in SQL, so the region tree's snapshot
     * ({@link Regions}, kept up to 30 s) is dropped when they are new: a test run in the same JVM after another that
     * loaded the tree would otherwise not find them (a 404 for a region filter).
     */
    public static void create(JdbcClient jdbc, Regions regions) {
        int added = jdbc.sql("""
                INSERT INTO region (code, parent_code, level, name, urban_rural_class, registered_population) VALUES
                    ('339801000000', NULL, 'DISTRICT', '接口测试区', NULL, NULL),
                    ('339801001000', '339801000000', 'STREET', '接口一街道', NULL, NULL),
                    ('339801002000', '339801000000', 'STREET', '接口二街道', NULL, NULL),
                    ('339801001001', '339801001000', 'COMMUNITY', '接口甲社区', '111', 1000),
                    ('339801001002', '339801001000', 'COMMUNITY', '接口乙社区', '111', 1000),
                    ('339801002001', '339801002000', 'COMMUNITY', '接口丙社区', '111', 1000)
                ON CONFLICT DO NOTHING
                """).update();
        if (added > 0) {
            ReflectionTestUtils.setField(regions, "snapshot", null);
        }
        for (int n = 1; n <= 23; n++) {
            LocalDate birth = LocalDate.of(1940, 1 + n % 12, 1 + n % 28);
            String body = "339801" + birth.toString().replace("-", "") + "%03d".formatted(n);
            jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, phone,
                                               living_arrangement, economic_status, income_per_person, created_by,
                                               updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, '13912345678', 'ALONE', 'MINIMUM_LIVING', 1234.5,
                                    'test', 'test')
                            ON CONFLICT (resident_id) DO NOTHING
                            """)
                    .params(body + ResidentId.checkCharacter(body), "接口老人" + n, birth, COMMUNITIES.get(n % 3))
                    .update();
        }
    }

    /** The ids of the district's elders whose community starts with {@code prefix}, in the API's order. */
    public static List<Long> elders(JdbcClient jdbc, String prefix) {
        return jdbc.sql("SELECT id FROM elder WHERE community_code LIKE ? ORDER BY community_code, id")
                .param(prefix + "%").query(Long.class).list();
    }

    /** A client of the whole test district. */
    public static RequestPostProcessor districtClient(String... scopes) {
        return TestApiClients.client("api-test-district", DISTRICT, RegionLevel.DISTRICT, scopes);
    }

    /** A client of street one only. */
    public static RequestPostProcessor streetOneClient(String... scopes) {
        return TestApiClients.client("api-test-street", STREET_ONE, RegionLevel.STREET, scopes);
    }

    /**
     * An active entitlement of a demo published policy for {@code elderId} (its application approved), with the
     * amount {@code amount}; returns its id.
     */
    public static long entitlement(JdbcClient jdbc, long elderId, String amount) {
        long policy = jdbc.sql("SELECT id FROM subsidy_policy WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        String code = jdbc.sql("SELECT code FROM subsidy_policy WHERE id = ?").param(policy).query(String.class).single();
        String community = jdbc.sql("SELECT community_code FROM elder WHERE id = ?").param(elderId)
                .query(String.class).single();
        jdbc.sql("UPDATE subsidy_entitlement SET status = 'STOPPED', stopped_at = now() WHERE elder_id = ? AND policy_code = ? AND status = 'ACTIVE'")
                .params(elderId, code).update();
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage,
                            source, tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, CAST(? AS numeric), CURRENT_DATE - 40,
                            CURRENT_DATE - 35, now(), 'test', 'test') RETURNING id
                        """)
                .params(elderId, policy, code, community, amount).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id,
                            community_code, tier_index, amount, frequency, start_month, status, payee_bank,
                            payee_account, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, CAST(? AS numeric), 'MONTHLY', DATE '2020-01-01', 'ACTIVE',
                            '测试银行', '6222000011112222', 'test') RETURNING id
                        """)
                .params(elderId, policy, code, application, community, amount).query(Long.class).single();
    }
}
