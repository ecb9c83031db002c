package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yinling.TestDates;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The 免申即享 backlog: the confirmation counts what a run creates; a run reuses the account the elder already has;
 * a monthly cash subsidy without an account is refused with the reason, and the reviewer completes it inline; after a
 * decision taken from the queue the reviewer is sent on to the next application.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BacklogPayeeTest {

    private static final BigDecimal INCOME = new BigDecimal("987.61");
    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyStore store;
    @Autowired
    AutomaticEnrolmentStore runs;

    @org.junit.jupiter.api.BeforeEach
    void otherStreet(@Autowired org.springframework.security.crypto.password.PasswordEncoder encoder) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('xiangfu.payees', 'x', ?, 'STREET_REVIEWER', '330105002000') ON CONFLICT DO NOTHING
                        """).param(encoder.encode("Secret123")).update();
    }

    @Test
    void enrolmentCountsReusesKnownAccountsAndApprovalNeedsOne() throws Exception {
        String code = "TQUEUE-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        long policyId = automaticPolicy(code);
        long known = elder("11019919380101", LocalDate.of(1938, 1, 1));
        long unknown = elder("11019919390202", LocalDate.of(1939, 2, 2));
        // the known elder's account, from an application of another policy
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, payee_bank, payee_account, created_by, updated_by)
                        SELECT e.id, ?, 'OTHER-Q', e.community_code, 'WITHDRAWN', 'COMMUNITY', 0, 1, DATE '2026-01-15',
                            '中国农业银行', '6228480000000000777', 'test', 'test' FROM elder e WHERE e.id = ?
                        """).params(policyId, known).update();

        Document preview = Jsoup.parse(mvc.perform(get("/subsidies/policies/{id}/enrol/preview", policyId)
                        .with(as("district")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(preview.getElementById("policy-enrol-count").text()).contains("2");
        assertThat(preview.getElementById("policy-enrol-form").attr("data-confirm")).contains("2 份申请");

        mvc.perform(post("/subsidies/policies/{id}/enrol", policyId).with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "policy.enrol.started"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.latest(code).orElseThrow(), run -> !run.running());
        long reused = application(known, code);
        long missing = application(unknown, code);
        assertThat(jdbc.sql("SELECT payee_account FROM subsidy_application WHERE id = ?").param(reused)
                .query(String.class).single()).isEqualTo("6228480000000000777");

        // in the queue the one without an account is not a clean case; select-all is offered
        Document queue = page("/subsidies/reviews?policy=" + code);
        assertThat(queue.getElementById("bulk-select-all")).isNotNull();
        assertThat(queue.getElementById("review-" + missing).text()).contains("缺少收款账户");
        assertThat(queue.select("#policy option[value=" + code + "]").text()).isEqualTo("测试积压" + code);
        // the page offers the inline account
        Document detail = page("/subsidies/applications/" + missing + "?next=queue");
        assertThat(detail.getElementById("decision-payee")).isNotNull();
        assertThat(detail.select("#decision-form input[name=next]").attr("value")).isEqualTo("queue");
        assertThat(page("/subsidies/applications/" + reused).getElementById("decision-payee")).isNull();

        // approving without an account is refused with the reason, nothing moves
        mvc.perform(post("/subsidies/applications/{id}/decision", missing).with(as("street")).with(csrf())
                        .param("action", "APPROVE").param("note", "").param("lockVersion", lockVersion(missing)))
                .andExpect(flash().attribute("flashError", "application.decision.payeeMissing"));
        assertThat(stage(missing)).isEqualTo("STREET_REVIEW");
        // half an account is a field error on the form
        mvc.perform(post("/subsidies/applications/{id}/decision", missing).with(as("street")).with(csrf())
                        .param("action", "APPROVE").param("lockVersion", lockVersion(missing))
                        .param("payeeBank", "中国银行"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attributeHasFieldErrorCode("decisionForm", "payeeAccount", "application.payee.incomplete"));
        assertThat(stage(missing)).isEqualTo("STREET_REVIEW");

        // entered inline, it is written with the approval (audited); from the queue the reviewer goes on
        MvcResult approved = mvc.perform(post("/subsidies/applications/{id}/decision", missing).with(as("street"))
                        .with(csrf()).param("action", "APPROVE").param("lockVersion", lockVersion(missing))
                        .param("payeeBank", "中国银行").param("payeeAccount", "6216610000000000888").param("next", "queue"))
                .andExpect(status().isFound()).andReturn();
        assertThat(stage(missing)).isEqualTo("DISTRICT_REVIEW");
        assertThat(jdbc.sql("SELECT payee_bank || ' ' || payee_account FROM subsidy_application WHERE id = ?")
                .param(missing).query(String.class).single()).isEqualTo("中国银行 6216610000000000888");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'APPLICATION_PAYEE_COMPLETED' AND entity_id = ?")
                .param(Long.toString(missing)).query(Integer.class).single()).isEqualTo(1);
        String next = approved.getResponse().getRedirectedUrl();
        assertThat(next).doesNotContain("/" + missing + "?");
        assertThat(next).matches("/subsidies/applications/[0-9]+\\?next=queue|/subsidies/reviews");
        if (next.startsWith("/subsidies/applications/")) {
            long nextId = Long.parseLong(next.substring("/subsidies/applications/".length(), next.indexOf('?')));
            assertThat(stage(nextId)).isEqualTo("STREET_REVIEW");
        }
    }

    @Test
    void accountsAreImportedBySheetWholeOrNotAtAll() throws Exception {
        long elder = elder("11019919400303", LocalDate.of(1940, 3, 3));
        String residentId = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elder).query(String.class).single();
        long open = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, created_by, updated_by)
                        SELECT e.id, (SELECT min(id) FROM subsidy_policy), 'IMPORT-Q', e.community_code, 'STREET_REVIEW',
                            'AUTOMATIC', 0, 1, DATE '2026-01-15', 'test', 'test' FROM elder e WHERE e.id = ? RETURNING id
                        """).param(elder).query(Long.class).single();
        String bad = "身份证号,收款银行,收款账号\n" + residentId + ",中国银行,6216 6100 0000 1234\n"
                + "110199194003030000,中国银行,1\n" + residentId + ",工商银行,2\n"
                + "11019919400303999X,中国银行,3\n" + residentId.substring(0, 6) + "X,,\n";
        Document refused = upload(bad);
        assertThat(refused.getElementById("payee-import-report").text())
                .contains("第 3 行：身份证号不正确").contains("第 4 行：同一身份证号").contains("第 5 行：本辖区没有这位老年人")
                .contains("第 6 行：身份证号不正确");
        assertThat(payee(open)).isNull();

        Document written = upload("身份证号,收款银行,收款账号\n" + residentId + ",中国银行,6216 6100 0000 1234\n");
        assertThat(written.getElementById("payee-import-report").text()).contains("为 1 份在办申请填入了收款账户");
        assertThat(payee(open)).isEqualTo("中国银行 6216 6100 0000 1234");
        // an elder of another region is not there for the community
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/subsidies/applications/payees/import").file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "p.csv", "text/csv", ("h,h,h\n" + residentId + ",b,1\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as("xiangfu.payees")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(payee(open)).isEqualTo("中国银行 6216 6100 0000 1234");
    }

    private String payee(long application) {
        return jdbc.sql("SELECT payee_bank || ' ' || payee_account FROM subsidy_application WHERE id = ?")
                .param(application).query(String.class).optional().orElse(null);
    }

    private Document upload(String csv) throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/subsidies/applications/payees/import").file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "accounts.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as("community")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        return Jsoup.parse(mvc.perform(get("/subsidies/applications").with(as("community"))
                        .with(org.yinling.system.FlashInput.flash("payeeReport", result.getFlashMap().get("payeeReport"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as("street"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private String lockVersion(long id) {
        return jdbc.sql("SELECT lock_version FROM subsidy_application WHERE id = ?").param(id).query(String.class).single();
    }

    private String stage(long id) {
        return jdbc.sql("SELECT stage FROM subsidy_application WHERE id = ?").param(id).query(String.class).single();
    }

    private long application(long elder, String code) {
        return jdbc.sql("SELECT id FROM subsidy_application WHERE elder_id = ? AND policy_code = ?").params(elder, code)
                .query(Long.class).single();
    }

    private long automaticPolicy(String code) {
        PolicyRule rule = PolicyRule.fixed(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.INCOME_PER_PERSON, Operator.EQ, INCOME.toPlainString()),
                Criterion.of(Attribute.AGE, Operator.GE, "60"))), new BigDecimal("120"));
        long id = store.insert(new Policy(0, code, 1, "测试积压" + code, PolicyKind.AGE_ALLOWANCE, "330105000000",
                TestDates.today().minusYears(1), null, Frequency.MONTHLY, true, 0, rule, PolicyStatus.DRAFT, null, false,
                null, null, null, null, null, null, 0), "test");
        assertThat(store.publish(id, 0, "test")).isTrue();
        return id;
    }

    private long elder(String prefix, LocalDate birth) {
        for (int sequence = 1; ; sequence++) {
            String body = prefix + "%03d".formatted(sequence);
            String residentId = body + org.yinling.elder.ResidentId.checkCharacter(body);
            List<Long> id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, income_per_person, created_by, updated_by)
                            VALUES (?, '积压测试', 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', ?, 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(residentId, birth, LANTIAN, INCOME).query(Long.class).list();
            if (!id.isEmpty()) {
                return id.get(0);
            }
        }
    }
}
