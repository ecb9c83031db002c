package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Test data for the subsidy workflow tests: elders inserted with test resident IDs (county 110105, which the demo
 * never uses), policies of their own (unique codes, published through PolicyStore), users of other regions, and the
 * review chain driven through the pages.
 */
final class ApplicationTestSupport {

    static final String DISTRICT = "330105000000";
    static final String LANTIAN = "330105001001";
    static final String GUASHAN = "330105001002";
    static final String XIANGFU_STREET = "330105002000";
    static final String TEST_COUNTY = "110105";
    private static final AtomicInteger CODES = new AtomicInteger();

    final MockMvc mvc;
    final JdbcClient jdbc;
    final PolicyStore policies;

    ApplicationTestSupport(MockMvc mvc, JdbcClient jdbc, PolicyStore policies,
                           PasswordEncoder passwordEncoder) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.policies = policies;
        ensureUser(passwordEncoder, "xiangfu.reviewer", "STREET_REVIEWER", XIANGFU_STREET);
        ensureUser(passwordEncoder, "guashan.clerk", "COMMUNITY_CLERK", GUASHAN);
    }

    private void ensureUser(PasswordEncoder encoder, String username, String role, String region) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (:u, :u, :hash, :role, :region) ON CONFLICT DO NOTHING
                        """)
                .param("u", username).param("hash", encoder.encode("Secret123"))
                .param("role", role).param("region", region).update();
    }

    /** An active elder of the community, born on the date, local hukou unless said otherwise. */
    long elder(String name, LocalDate birthDate, String community, boolean hukouLocal, Integer capabilityLevel) {
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(1, 999);
            String body = TEST_COUNTY + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
            String residentId = body + ResidentId.checkCharacter(body);
            List<Long> id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, capability_level, created_by, updated_by)
                            VALUES (?, ?, ?, ?, ?, ?, 'ALONE', 'NONE', ?, 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(residentId, name, sequence % 2 == 1 ? "MALE" : "FEMALE", birthDate, hukouLocal, community,
                            capabilityLevel)
                    .query(Long.class).list();
            if (!id.isEmpty()) {
                return id.get(0);
            }
        }
    }

    /** An elder aged {@code age} today (born a little over {@code age} years ago). */
    long elderAged(String name, int age, String community) {
        LocalDate birth = TestDates.today().minusYears(age).minusDays(ThreadLocalRandom.current().nextInt(10, 300));
        return elder(name, birth, community, true, null);
    }

    String maskedId(long elderId) {
        return ResidentId.parse(jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elderId)
                .query(String.class).single()).masked();
    }

    /** 高龄津贴-like: local hukou and 80+; 80–89 → 100, 90+ → 500 a month. Published for the whole demo district. */
    Policy agePolicy() {
        PolicyRule rule = new PolicyRule(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.AGE, Operator.GE, "80"),
                Criterion.of(Attribute.HUKOU_LOCAL, Operator.EQ, "true"))),
                List.of(new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "80", "89"), new BigDecimal("100")),
                        new Tier(null, new BigDecimal("500"))));
        return publish("T", "测试高龄津贴", rule, Frequency.MONTHLY);
    }

    /** 护理补贴-like: capability level 2 or worse → 300 a month. */
    Policy nursingPolicy() {
        PolicyRule rule = PolicyRule.fixed(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.CAPABILITY_LEVEL, Operator.GE, "2"))), new BigDecimal("300"));
        return publish("N", "测试护理补贴", rule, Frequency.MONTHLY);
    }

    Policy publish(String prefix, String name, PolicyRule rule, Frequency frequency) {
        String code = prefix + "APP" + CODES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Policy draft = new Policy(0, code, 1, name + code, PolicyKind.AGE_ALLOWANCE, DISTRICT, TestDates.today().minusYears(1),
                null, frequency, false, 0, rule, PolicyStatus.DRAFT, null, false, null, null, null, "test", null,
                "test", 0);
        long id = policies.insert(draft, "test");
        assertThat(policies.publish(id, 0, "test")).isTrue();
        return policies.find(id).orElseThrow();
    }

    /** Registers an application as the Lantian community clerk; returns its id. */
    long register(long elderId, Policy policy) throws Exception {
        MvcResult result = mvc.perform(post("/subsidies/applications").with(as("community")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id()))
                        .param("payeeBank", "中国农业银行").param("payeeAccount", "6228480000000000001")
                        .param("notes", "测试申请"))
                .andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/subsidies/applications/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    MvcResult decide(String username, long id, String action, String note, long lockVersion) throws Exception {
        return mvc.perform(post("/subsidies/applications/" + id + "/decision").with(as(username)).with(csrf())
                        .param("action", action).param("note", note).param("lockVersion", String.valueOf(lockVersion)))
                .andReturn();
    }

    MvcResult decide(String username, long id, String action, String note) throws Exception {
        return decide(username, id, action, note, lockVersion(id));
    }

    long lockVersion(long id) {
        return jdbc.sql("SELECT lock_version FROM subsidy_application WHERE id = ?").param(id).query(Long.class).single();
    }

    String stage(long id) {
        return jdbc.sql("SELECT stage FROM subsidy_application WHERE id = ?").param(id).query(String.class).single();
    }

    List<String> decisions(long id) {
        return jdbc.sql("SELECT action FROM subsidy_decision WHERE application_id = ? ORDER BY id").param(id)
                .query(String.class).list();
    }

    /** Through the whole chain into publicity, then publicity ended yesterday and the district concludes it. */
    long approvedEntitlement(long elderId, Policy policy) throws Exception {
        long id = register(elderId, policy);
        assertThat(decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(decide("district", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(stage(id)).isEqualTo("PUBLICITY");
        endPublicity(id);
        mvc.perform(post("/subsidies/publicity/conclude").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(stage(id)).isEqualTo("APPROVED");
        return jdbc.sql("SELECT id FROM subsidy_entitlement WHERE application_id = ?").param(id)
                .query(Long.class).single();
    }

    /** The publicity period ended yesterday (as if a week had passed). */
    void endPublicity(long id) {
        jdbc.sql("UPDATE subsidy_application SET publicity_ends = ? WHERE id = ?")
                .params(TestDates.today().minusDays(1), id).update();
    }
}
