package org.yinling.subsidy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The review chain per policy (issue 21 §2): a policy chooses its stages after community acceptance and its publicity
 * length; an application moves only through its policy's chain, and a stage left out is refused with a message (by
 * the service and by the statement that moves it).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewChainTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    PolicyStore policyStore;
    @Autowired
    ApplicationStore applicationStore;
    @Autowired
    SubsidyPendingWork pendingWork;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** The count of waiting reviews the menu shows the user (LayoutModelAdvice's pending work). */
    private long pendingReviews(String username) {
        org.springframework.security.core.userdetails.UserDetails user = users.loadUserByUsername(username);
        return pendingWork.pendingFor(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        user, null, user.getAuthorities())).stream()
                .filter(item -> item.key().equals("pending.reviews")).mapToLong(item -> item.count()).sum();
    }

    ApplicationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ApplicationTestSupport(mvc, jdbc, policyStore, passwordEncoder);
    }

    /** The age policy of the support class, republished as a new code with the chain. */
    private Policy agePolicyWith(ReviewChain chain) {
        Policy template = t.agePolicy();
        String code = template.code() + "C";
        Policy draft = new Policy(0, code, 1, template.name() + "C", template.kind(), template.regionCode(),
                template.effectiveFrom(), null, template.frequency(), false, 0, template.rule(), PolicyStatus.DRAFT,
                null, false, null, null, null, "test", null, "test", 0).withChain(chain);
        long id = policyStore.insert(draft, "test");
        assertThat(policyStore.publish(id, 0, "test")).isTrue();
        Policy published = policyStore.find(id).orElseThrow();
        assertThat(published.chain()).isEqualTo(chain);
        return published;
    }

    private Object flashError(org.springframework.test.web.servlet.MvcResult result) {
        return result.getFlashMap().get("flashError");
    }

    private long entitlements(long applicationId) {
        return jdbc.sql("SELECT count(*) FROM subsidy_entitlement WHERE application_id = ?").param(applicationId)
                .query(Long.class).single();
    }

    @Test
    void aTwoStagePolicyIsGrantedByTheStreetAndTheDistrictNeverDecides() throws Exception {
        Policy policy = agePolicyWith(new ReviewChain(true, false, false, null));
        long elderId = t.elderAged("两级链条", 91, ApplicationTestSupport.LANTIAN);
        long streetWaiting = pendingReviews("street");
        long districtWaiting = pendingReviews("district");
        long id = t.register(elderId, policy);
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        assertThat(pendingReviews("street")).isEqualTo(streetWaiting + 1);

        // the page shows the chain in words: no district approval, no publicity
        mvc.perform(get("/subsidies/applications/" + id).with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"application-chain\"")))
                .andExpect(content().string(containsString("data-stage=\"STREET_REVIEW\"")))
                .andExpect(content().string(not(containsString("data-stage=\"DISTRICT_REVIEW\""))))
                .andExpect(content().string(not(containsString("data-stage=\"PUBLICITY\""))));

        // a district approval posted for a policy without it: refused with its own message, nothing changes
        long before = t.lockVersion(id);
        assertThat(flashError(t.decide("district", id, "APPROVE", "")))
                .isEqualTo("application.decision.stageNotInChain.DISTRICT_REVIEW");
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        assertThat(t.lockVersion(id)).isEqualTo(before);
        mvc.perform(get("/subsidies/applications/" + id).with(as("district"))
                        .with(org.yinling.system.FlashInput.flash("flashError",
                                "application.decision.stageNotInChain.DISTRICT_REVIEW")))
                .andExpect(content().string(containsString("该补贴的审核流程不含区级审批")))
                .andExpect(content().string(not(containsString("id=\"decision-approve\""))));

        // the street's approval is final: approved at once, with an entitlement from next month; nothing ever waits
        // for the district (its queue and the count in its menu stay as they were)
        assertThat(t.decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("APPROVED");
        assertThat(pendingReviews("street")).isEqualTo(streetWaiting);
        assertThat(pendingReviews("district")).isEqualTo(districtWaiting);
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE");
        assertThat(entitlements(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT start_month FROM subsidy_entitlement WHERE application_id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today().withDayOfMonth(1).plusMonths(1));
        assertThat(jdbc.sql("SELECT approved_on FROM subsidy_application WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today());
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_decision WHERE application_id = ? AND stage_to IN "
                        + "('DISTRICT_REVIEW', 'PUBLICITY')").param(id).query(Long.class).single()).isZero();

        // the approval form has no district row to sign
        mvc.perform(get("/subsidies/applications/" + id + "/form").with(as("street")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-stage=\"street\"")))
                .andExpect(content().string(not(containsString("data-stage=\"district\""))))
                .andExpect(content().string(containsString("社区受理</span> → <span>街道初审</span></span>")));
    }

    @Test
    void theFourStagePolicyGoesThroughEveryStageWithItsOwnPublicityLength() throws Exception {
        Policy policy = agePolicyWith(new ReviewChain(true, true, true, 10));
        long elderId = t.elderAged("四级链条", 85, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        assertThat(t.decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");
        assertThat(entitlements(id)).isZero();
        assertThat(t.decide("district", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("PUBLICITY");
        // the policy's own 10 days, not the global 7
        assertThat(jdbc.sql("SELECT publicity_ends FROM subsidy_application WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today().plusDays(10));
        mvc.perform(get("/subsidies/applications/" + id).with(as("district")))
                .andExpect(content().string(containsString("公示 10 天")));
        t.endPublicity(id);
        mvc.perform(post("/subsidies/publicity/conclude").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(t.stage(id)).isEqualTo("APPROVED");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE", "APPROVE", "CONCLUDE");
        assertThat(entitlements(id)).isEqualTo(1);
    }

    @Test
    void aDevolvedAllowanceGoesFromTheStreetIntoPublicityAndTheStreetHearsObjections() throws Exception {
        Policy policy = agePolicyWith(new ReviewChain(true, false, true, null));
        long elderId = t.elderAged("下放链条", 90, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        assertThat(t.decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("PUBLICITY");
        // no length of its own: the global default of 7 days
        assertThat(jdbc.sql("SELECT publicity_ends FROM subsidy_application WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(TestDates.today().plusDays(7));
        assertThat(jdbc.sql("SELECT amount FROM subsidy_application WHERE id = ?").param(id)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("500");
        // the district has no stage in this chain, not even an objection during publicity
        assertThat(flashError(t.decide("district", id, "RETURN", "有异议")))
                .isEqualTo("application.decision.stageNotInChain.DISTRICT_REVIEW");
        assertThat(t.stage(id)).isEqualTo("PUBLICITY");
        // the street, whose approval it was, hears an objection (and never approves a second time)
        assertThat(flashError(t.decide("street", id, "APPROVE", "")))
                .isEqualTo("application.decision.notYourStage");
        assertThat(t.decide("street", id, "RETURN", "群众反映户籍有误").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("RETURNED");
    }

    @Test
    void aDistrictOnlyChainStartsAtTheDistrictAndTheStreetIsRefused() throws Exception {
        Policy policy = agePolicyWith(new ReviewChain(false, true, false, null));
        long elderId = t.elderAged("区级链条", 88, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");
        assertThat(t.decisions(id)).containsExactly("SUBMIT");
        assertThat(flashError(t.decide("street", id, "APPROVE", "")))
                .isEqualTo("application.decision.stageNotInChain.STREET_REVIEW");
        // the street's queue does not list it; the district's does
        mvc.perform(get("/subsidies/reviews").with(as("street")))
                .andExpect(content().string(not(containsString("/subsidies/applications/" + id + "\""))));
        mvc.perform(get("/subsidies/reviews").param("q", "区级链条").with(as("district")))
                .andExpect(content().string(containsString("/subsidies/applications/" + id)));
        assertThat(t.decide("district", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.stage(id)).isEqualTo("APPROVED");
        assertThat(entitlements(id)).isEqualTo(1);
    }

    @Test
    void theStatementThatMovesAnApplicationRefusesAStageThePolicyLeftOut() throws Exception {
        Policy policy = agePolicyWith(new ReviewChain(true, false, true, 5));
        long id = t.register(t.elderAged("库内拒绝", 86, ApplicationTestSupport.LANTIAN), policy);
        // even a caller that skipped the service's checks cannot move it to district review
        assertThat(applicationStore.transition(id, t.lockVersion(id), ApplicationStage.STREET_REVIEW,
                ApplicationStage.DISTRICT_REVIEW, null, null, null, null, "test")).isFalse();
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");
        // and the database refuses a chain without any review
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                        "UPDATE subsidy_policy SET street_review = FALSE, district_review = FALSE WHERE id = ?")
                .param(policy.id()).update())).isNotNull();
    }

    private MockHttpServletRequestBuilder policyForm(String code) {
        return post("/subsidies/policies").with(as("district")).with(csrf())
                .param("code", code).param("name", "链条测试津贴").param("kind", "AGE_ALLOWANCE")
                .param("regionCode", ApplicationTestSupport.DISTRICT).param("effectiveFrom", "2026-01-01")
                .param("frequency", "MONTHLY").param("backPayMonths", "0").param("connective", "AND")
                .param("groups[0].connective", "AND").param("groups[1].connective", "OR")
                .param("groups[2].connective", "AND")
                .param("groups[0].criteria[0].attribute", "AGE").param("groups[0].criteria[0].operator", "GE")
                .param("groups[0].criteria[0].value", "80")
                .param("amountMode", "FIXED").param("fixedAmount", "100").param("lockVersion", "0")
                .param("chainShown", "true");
    }

    private long policyCount(String code) {
        return jdbc.sql("SELECT count(*) FROM subsidy_policy WHERE code = ?").param(code).query(Long.class).single();
    }

    @Test
    void thePolicyFormChoosesTheChainWithClearMessages() throws Exception {
        String code = "TCHAIN" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        // the form offers the chain, all ticked for a new policy
        mvc.perform(get("/subsidies/policies/new").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"policy-chain-card\"")))
                .andExpect(content().string(containsString("留空则按默认 7 天公示。")));
        // no review at all
        mvc.perform(policyForm(code).param("publicity", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("街道初审和区级审批至少选一个")));
        // days without publicity, and days out of range
        mvc.perform(policyForm(code).param("streetReview", "true").param("publicityDays", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有选择公示，不能填写公示天数。")));
        mvc.perform(policyForm(code).param("streetReview", "true").param("publicity", "true")
                        .param("publicityDays", "0").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publicity days are a whole number from 1 to 60")));
        mvc.perform(policyForm(code).param("streetReview", "true").param("publicity", "true")
                        .param("publicityDays", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公示天数须为 1 到 60 之间的整数")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        assertThat(policyCount(code)).isZero();
        // street and publicity of 5 days: saved, and the page says it in words in both languages
        String location = mvc.perform(policyForm(code).param("streetReview", "true").param("publicity", "true")
                        .param("publicityDays", "5"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        Policy saved = policyStore.current(code, PolicyStatus.DRAFT).orElseThrow();
        assertThat(saved.chain()).isEqualTo(new ReviewChain(true, false, true, 5));
        mvc.perform(get(location).with(as("district")))
                .andExpect(content().string(containsString("社区受理</span> → <span>街道初审</span> → <span>公示 5 天</span>")));
        mvc.perform(get(location).param("lang", "en").with(as("district")))
                .andExpect(content().string(containsString("Publicity of 5 days")));
        // the edit form shows the choice again
        String edit = mvc.perform(get(location + "/edit").with(as("district"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(edit).containsPattern("name=\"streetReview\"\\s+checked")
                .containsPattern("name=\"publicity\"\\s+checked")
                .doesNotContainPattern("name=\"districtReview\"\\s+checked")
                .contains("value=\"5\"");
    }

    @Test
    void aFormWithoutTheChainKeepsTheFullChain() throws Exception {
        String code = "TFULL" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        MockHttpServletRequestBuilder request = policyForm(code);
        request.with(r -> {
            r.removeParameter("chainShown");
            return r;
        });
        mvc.perform(request).andExpect(status().isFound());
        assertThat(policyStore.current(code, PolicyStatus.DRAFT).orElseThrow().chain()).isEqualTo(ReviewChain.FULL);
    }
}
