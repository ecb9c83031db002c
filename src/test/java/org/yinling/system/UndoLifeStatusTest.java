package org.yinling.system;

import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 20 §5: a death recorded by mistake is corrected by district staff within the month it was recorded. The
 * confirmation page shows what it undoes (the stopped entitlement, the recovery opened for a paid month after the
 * date, the home-care budget ended); confirming with a reason makes the elder active again and takes all of it back,
 * audited. Not for others, not after the month; the age of a deceased elder is the age at death.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UndoLifeStatusTest {

    /** Before the fixtures' batch months (1980 on): the batch's paid line is a month after it, a recovery. */
    private static final String DEATH = "1979-12-15";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long elder;
    private long entitlement;
    private long budget;

    @BeforeEach
    void anElderWithASubsidyAPaidMonthAndABudget() {
        AccessFixtures fixtures = new AccessFixtures(jdbc);
        entitlement = fixtures.entitlement();
        elder = jdbc.sql("SELECT elder_id FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                            elder_name, resident_id, community_code, policy_version, tier_index, amount, reference, status)
                        SELECT b.id, e.id, e.elder_id, e.policy_id, e.policy_code, b.month, 'REGULAR', el.name,
                               el.resident_id, e.community_code, 1, 0, 100, ?, 'PAID'
                        FROM subsidy_entitlement e JOIN elder el ON el.id = e.elder_id, payment_batch b
                        WHERE e.id = ? AND b.id = ?
                        """)
                .params("UND" + UUID.randomUUID().toString().substring(0, 20), entitlement, fixtures.batch()).update();
        budget = jdbc.sql("""
                        INSERT INTO home_care_budget (elder_id, month, entitlement_id, community_code, amount,
                            government_share)
                        SELECT elder_id, date_trunc('month', CURRENT_DATE)::date, id, community_code, 300, 1.00
                        FROM subsidy_entitlement WHERE id = ? RETURNING id
                        """)
                .param(entitlement).query(Long.class).single();
    }

    @Test
    void aDeathRecordedByMistakeIsUndoneWithEverythingItSetOff() throws Exception {
        recordDeath();
        assertThat(entitlementStatus()).isEqualTo("STOPPED");
        assertThat(openRecoveries()).isEqualTo(1);
        assertThat(budgetEnded()).isTrue();

        // the detail page offers the correction and shows the age at death
        Document detail = page(get("/elders/{id}", elder), "district");
        assertThat(detail.select("#elder-undo-status")).hasSize(1);
        assertThat(detail.text()).contains("享年");

        // the confirmation page: what was recorded and what undoing takes back, with counts
        Document confirm = page(get("/elders/{id}/undo-status", elder), "district");
        assertThat(confirm.select("#undo-date").text()).isEqualTo(DEATH);
        assertThat(confirm.select("#undo-consequences li[data-key]").eachAttr("data-key"))
                .containsExactlyInAnyOrder("subsidy.undo.entitlements", "payment.undo.recoveries", "homecare.undo.budgets");
        assertThat(confirm.select("#undo-consequences li[data-key]").eachAttr("data-count")).containsOnly("1");
        assertThat(confirm.select("#undo-consequences").text()).contains("恢复已停发的补贴资格 1 项");

        // without a reason: the form again, nothing undone
        Document refused = page(post("/elders/{id}/undo-status", elder).param("reason", " ").with(csrf()), "district");
        assertThat(refused.select("input[name=reason].is-invalid")).hasSize(1);
        assertThat(lifeStatus()).isEqualTo("DECEASED");

        mvc.perform(post("/elders/{id}/undo-status", elder).param("reason", "误报：同名老人").with(as("district"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/elders/" + elder))
                .andExpect(flash().attribute("flashSuccess", "elder.undo.done"));
        assertThat(lifeStatus()).isEqualTo("ACTIVE");
        assertThat(entitlementStatus()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT end_month IS NULL AND stop_reason IS NULL FROM subsidy_entitlement WHERE id = ?")
                .param(entitlement).query(Boolean.class).single()).isTrue();
        assertThat(openRecoveries()).isZero();
        assertThat(budgetEnded()).isFalse();
        String audit = jdbc.sql("""
                        SELECT details::text FROM audit_event WHERE action = 'ELDER_LIFE_STATUS_UNDONE' AND entity_id = ?
                        ORDER BY id DESC LIMIT 1
                        """)
                .param(String.valueOf(elder)).query(String.class).single();
        assertThat(audit).contains("误报：同名老人").contains(DEATH).contains("DECEASED");

        // active again: the detail page shows the present age and no correction
        Document after = page(get("/elders/{id}", elder), "district");
        assertThat(after.select("#elder-undo-status")).isEmpty();
        assertThat(after.text()).doesNotContain("享年");
    }

    @Test
    void onlyDistrictStaffAndOnlyWithinTheMonthItWasRecorded() throws Exception {
        recordDeath();
        for (String user : List.of("street", "community", "manager", "admin")) {
            mvc.perform(get("/elders/{id}/undo-status", elder).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/elders/{id}/undo-status", elder).param("reason", "x").with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // recorded last month: no longer
        jdbc.sql("UPDATE elder SET life_status_recorded_at = now() - INTERVAL '40 days' WHERE id = ?").param(elder)
                .update();
        assertThat(page(get("/elders/{id}", elder), "district").select("#elder-undo-status")).isEmpty();
        mvc.perform(get("/elders/{id}/undo-status", elder).with(as("district")))
                .andExpect(redirectedUrl("/elders/" + elder))
                .andExpect(flash().attribute("flashError", "elder.undo.notAllowed"));
        mvc.perform(post("/elders/{id}/undo-status", elder).param("reason", "误报").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "elder.undo.notAllowed"));
        assertThat(lifeStatus()).isEqualTo("DECEASED");
        assertThat(entitlementStatus()).isEqualTo("STOPPED");
    }

    @Test
    void aDeceasedElderIsListedWithTheAgeAtDeath() throws Exception {
        recordDeath();
        int ageAtDeath = jdbc.sql("SELECT date_part('year', age(DATE '" + DEATH + "', birth_date))::int FROM elder WHERE id = ?")
                .param(elder).query(Integer.class).single();
        String name = jdbc.sql("SELECT name FROM elder WHERE id = ?").param(elder).query(String.class).single();
        Document list = page(get("/elders").param("q", name).param("life", "DECEASED"), "district");
        assertThat(list.select("tbody tr").text()).contains("享年 " + ageAtDeath);
        Document detail = page(get("/elders/{id}", elder).param("lang", "en"), "district");
        assertThat(detail.text()).contains("(died aged " + ageAtDeath + ")");
    }

    private void recordDeath() throws Exception {
        mvc.perform(post("/elders/{id}/deceased", elder).param("date", DEATH).param("reason", "医院死亡证明")
                        .with(as("district")).with(csrf()))
                .andExpect(redirectedUrl("/elders/" + elder));
    }

    private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          String user) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(user))).andReturn().getResponse().getContentAsString());
    }

    private String lifeStatus() {
        return jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(elder).query(String.class).single();
    }

    private String entitlementStatus() {
        return jdbc.sql("SELECT status FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).single();
    }

    private long openRecoveries() {
        return jdbc.sql("SELECT count(*) FROM payment_recovery WHERE elder_id = ? AND state = 'OPEN'").param(elder)
                .query(Long.class).single();
    }

    private boolean budgetEnded() {
        return jdbc.sql("SELECT ended_on IS NOT NULL FROM home_care_budget WHERE id = ?").param(budget)
                .query(Boolean.class).single();
    }
}
