package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleEvaluator;
import org.yinling.subsidy.rule.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * 免申即享 over elders made for the test (an income of 123.45 nobody else has): the eligible ones without an active
 * entitlement or open application get exactly one pending application at street review, with its SUBMIT decision;
 * a second run creates nothing. Runs work in the background after their start is committed, so this test commits:
 * its policy codes are its own (decisions are insert-only) and its elders have a county no other test uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AutomaticEnrolmentTest {

    /**
     * A district made for the tests of policies (see {@link PolicyAccessTest}), with a street of four communities (two used here) and
     * its own district staff: the applications of this test wait in no queue of the demo district.
     */
    static final String DISTRICT = PolicyAccessTest.OTHER_DISTRICT;
    static final String STREET = "110199001000";
    static final String COMMUNITY_A = "110199001001";
    static final String COMMUNITY_B = "110199001002";
    static final String STAFF = "enrol.district";
    static final BigDecimal INCOME = new BigDecimal("123.45");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(900);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyStore store;
    @Autowired
    RuleQueries queries;
    @Autowired
    AutomaticEnrolmentStore runs;

    @BeforeEach
    void aStreetOfItsOwn() throws Exception {
        region(DISTRICT, null, "政策测试区", null);
        region(STREET, DISTRICT, "自动纳入测试街道", null);
        region(COMMUNITY_A, STREET, "自动纳入测试甲社区", "MAIN_URBAN");
        region(COMMUNITY_B, STREET, "自动纳入测试乙社区", "MAIN_URBAN");
        // a street has four to eight communities (RegionAdministrationTest checks every street)
        region("110199001003", STREET, "自动纳入测试丙社区", "MAIN_URBAN");
        region("110199001004", STREET, "自动纳入测试丁社区", "MAIN_URBAN");
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, 'x', 'DISTRICT_STAFF', ?) ON CONFLICT DO NOTHING
                        """).params(STAFF, STAFF, DISTRICT).update();
    }

    /** Created by the administrator (committed, so the region tree is refreshed), once. */
    private void region(String code, String parent, String name, String urbanRuralClass) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            return;
        }
        var request = post("/admin/regions").with(as("admin")).with(csrf())
                .param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (urbanRuralClass != null) {
            request.param("urbanRuralClass", urbanRuralClass).param("registeredPopulation", "100");
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    @Test
    void eligibleEldersWithoutEntitlementOrOpenApplicationGetOneApplicationEachOnce() throws Exception {
        LocalDate today = TestDates.today();
        String code = "TAUTO-" + SEQUENCE.incrementAndGet();
        long policyId = publishedPolicy(code, true);
        long a = elder(today.minusYears(85).minusDays(3), "ACTIVE", COMMUNITY_A);
        long b = elder(today.minusYears(92), "ACTIVE", COMMUNITY_B);
        long deceased = elder(today.minusYears(85), "DECEASED", COMMUNITY_A);
        long entitled = elder(today.minusYears(86), "ACTIVE", COMMUNITY_A);
        long pending = elder(today.minusYears(87), "ACTIVE", COMMUNITY_A);
        long tooYoungForATier = elder(today.minusYears(70), "ACTIVE", COMMUNITY_A);
        long entitledApplication = application(entitled, policyId, code, "APPROVED");
        jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, 100, 'MONTHLY', DATE '2026-02-01', 'ACTIVE', 'test')
                        """).params(entitled, policyId, code, entitledApplication, COMMUNITY_A).update();
        long pendingApplication = application(pending, policyId, code, "DISTRICT_REVIEW");

        mvc.perform(post("/subsidies/policies/" + policyId + "/enrol").with(as(STAFF)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", "policy.enrol.started"));
        AutomaticEnrolmentRun run = awaitRun(code);
        assertThat(run.state()).isEqualTo("DONE");
        assertThat(run.createdCount()).isEqualTo(2);
        assertThat(run.byStreet()).isEqualTo(Map.of(STREET, 2L));

        List<String> created = jdbc.sql("""
                        SELECT a.elder_id || ':' || a.stage || ':' || a.source || ':' || a.tier_index || ':' || a.amount
                            || ':' || a.community_code || ':' || a.received_on || ':' || a.created_by
                        FROM subsidy_application a WHERE a.policy_code = ? AND a.source = 'AUTOMATIC'
                        ORDER BY a.elder_id
                        """).param(code).query(String.class).list();
        assertThat(created).containsExactly(
                a + ":STREET_REVIEW:AUTOMATIC:0:100.00:" + COMMUNITY_A + ":" + today + ":" + STAFF,
                b + ":STREET_REVIEW:AUTOMATIC:1:500.00:" + COMMUNITY_B + ":" + today + ":" + STAFF);
        assertThat(jdbc.sql("""
                        SELECT d.action || ':' || coalesce(d.stage_from, '-') || ':' || d.stage_to || ':' || d.decided_by
                        FROM subsidy_decision d JOIN subsidy_application a ON a.id = d.application_id
                        WHERE a.policy_code = ? ORDER BY a.elder_id
                        """).param(code).query(String.class).list())
                .containsExactly("SUBMIT:-:STREET_REVIEW:" + STAFF, "SUBMIT:-:STREET_REVIEW:" + STAFF);
        // the ones left out: deceased, entitled, already pending (its application untouched), no tier
        assertThat(applications(deceased)).isZero();
        assertThat(applications(tooYoungForATier)).isZero();
        assertThat(applications(entitled)).isEqualTo(1);
        assertThat(applications(pending)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT stage FROM subsidy_application WHERE id = ?").param(pendingApplication)
                .query(String.class).single()).isEqualTo("DISTRICT_REVIEW");

        // the same answer as the Java evaluator, elder by elder, for the elders this rule can reach
        Policy policy = store.find(policyId).orElseThrow();
        for (long elder : List.of(a, b, deceased, entitled, pending, tooYoungForATier)) {
            int tier = RuleEvaluator.qualifyingTier(policy.rule(),
                    queries.facts(elder, RegionScope.everything()).orElseThrow(), today);
            boolean expected = tier >= 0 && elder != entitled && elder != pending;
            assertThat(jdbc.sql("SELECT count(*) FROM subsidy_application WHERE elder_id = ? AND source = 'AUTOMATIC'")
                    .param(elder).query(Integer.class).single()).as("elder %d", elder).isEqualTo(expected ? 1 : 0);
        }

        // a second run creates nothing; both runs are audited with their counts
        mvc.perform(post("/subsidies/policies/" + policyId + "/enrol").with(as(STAFF)).with(csrf()))
                .andExpect(status().isFound());
        AutomaticEnrolmentRun second = awaitRun(code);
        assertThat(second.id()).isNotEqualTo(run.id());
        assertThat(second.createdCount()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_application WHERE policy_code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("""
                        SELECT details ->> 'created' FROM audit_event
                        WHERE action = 'POLICY_ENROLMENT_RUN' AND entity_id = ? ORDER BY id
                        """).param(String.valueOf(policyId)).query(String.class).list()).containsExactly("2", "0");

        // the page shows the report of the latest run
        mvc.perform(get("/subsidies/policies/" + policyId).with(as(STAFF)))
                .andExpect(content().string(containsString("新生成 0 份申请")));
    }

    @Test
    void aPolicyNotMarkedAutomaticEnrolsNobody() throws Exception {
        String code = "TMANUAL-" + SEQUENCE.incrementAndGet();
        long policyId = publishedPolicy(code, false);
        elder(TestDates.today().minusYears(85), "ACTIVE", COMMUNITY_A);
        mvc.perform(post("/subsidies/policies/" + policyId + "/enrol").with(as(STAFF)).with(csrf()))
                .andExpect(flash().attribute("flashError", "policy.enrol.notAutomatic"));
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_application WHERE policy_code = ?").param(code)
                .query(Integer.class).single()).isZero();
    }

    private long publishedPolicy(String code, boolean automatic) {
        PolicyRule rule = new PolicyRule(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.LIFE_STATUS, Operator.EQ, "ACTIVE"),
                Criterion.of(Attribute.INCOME_PER_PERSON, Operator.EQ, INCOME.toPlainString()),
                Criterion.of(Attribute.AGE, Operator.GE, "60"))),
                List.of(new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "80", "89"), new BigDecimal("100")),
                        new Tier(Criterion.of(Attribute.AGE, Operator.GE, "90"), new BigDecimal("500"))));
        long id = store.insert(new Policy(0, code, 1, "测试自动纳入", PolicyKind.AGE_ALLOWANCE, DISTRICT,
                LocalDate.of(2026, 1, 1), null, Frequency.MONTHLY, automatic, 0, rule, PolicyStatus.DRAFT, null, false,
                null, null, null, null, null, null, 0), "test");
        assertThat(store.publish(id, 0, "test")).isTrue();
        return id;
    }

    private long elder(LocalDate birth, String lifeStatus, String community) {
        String residentId = "110199" + birth.toString().replace("-", "") + "%03dX".formatted(SEQUENCE.incrementAndGet() % 1000);
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, income_per_person, life_status, life_status_date,
                            created_by, updated_by)
                        VALUES (?, '自动纳入测试', 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', ?, ?, ?, 'test', 'test')
                        RETURNING id
                        """)
                .params(residentId, birth, community, INCOME, lifeStatus,
                        lifeStatus.equals("ACTIVE") ? null : LocalDate.of(2026, 6, 1))
                .query(Long.class).single();
    }

    /** Waits for the latest run of the code to finish (it runs in the background). */
    private AutomaticEnrolmentRun awaitRun(String code) {
        return await("enrolment of " + code + " finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.latest(code).orElseThrow(), run -> !run.running());
    }

    private long application(long elder, long policyId, String code, String stage) {
        return jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, created_by, updated_by)
                        SELECT id, ?, ?, community_code, ?, 'COMMUNITY', 0, 100, DATE '2026-01-15',
                            CASE WHEN ? = 'APPROVED' THEN DATE '2026-01-20' END, 'test', 'test'
                        FROM elder WHERE id = ? RETURNING id
                        """).params(policyId, code, stage, stage, elder).query(Long.class).single();
    }

    private int applications(long elder) {
        return jdbc.sql("SELECT count(*) FROM subsidy_application WHERE elder_id = ?").param(elder)
                .query(Integer.class).single();
    }

}
