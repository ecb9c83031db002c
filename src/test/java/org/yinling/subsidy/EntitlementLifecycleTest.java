package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.yinling.TestDates;
import org.yinling.elder.AssessmentItem;
import org.yinling.elder.ElderUpdated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Entitlements: created once when publicity ends, from the month after approval; at most one active per elder and
 * policy; stopped by death or move-out; put into the street's re-check queue when circumstances change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EntitlementLifecycleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    PolicyStore policyStore;
    @Autowired
    PublicityService publicity;
    @Autowired
    EntitlementRecheck recheck;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    ApplicationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ApplicationTestSupport(mvc, jdbc, policyStore, passwordEncoder);
    }

    @Test
    void concludingPublicityCreatesEachEntitlementOnceFromTheNextMonth() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("公示期满", 84, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        t.decide("street", id, "APPROVE", "");
        t.decide("district", id, "APPROVE", "");
        long stillInPublicity = t.register(t.elderAged("公示未满", 84, ApplicationTestSupport.LANTIAN), policy);
        t.decide("street", stillInPublicity, "APPROVE", "");
        t.decide("district", stillInPublicity, "APPROVE", "");
        t.endPublicity(id);

        // the street may not conclude; the district's button does, and running it again (or the job) adds nothing
        mvc.perform(post("/subsidies/publicity/conclude").with(as("street")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/subsidies/publicity/conclude").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "application.publicity.concluded"));
        mvc.perform(post("/subsidies/publicity/conclude").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        publicity.concludeDuePublicity();

        assertThat(t.stage(id)).isEqualTo("APPROVED");
        assertThat(t.stage(stillInPublicity)).isEqualTo("PUBLICITY");
        assertThat(t.decisions(id)).containsExactly("SUBMIT", "APPROVE", "APPROVE", "CONCLUDE");
        Map<String, Object> entitlement = jdbc.sql("""
                        SELECT count(*) OVER () AS n, start_month, end_month, status, tier_index, amount, payee_account
                        FROM subsidy_entitlement WHERE elder_id = ?""").param(elderId).query().singleRow();
        assertThat(entitlement.get("n")).isEqualTo(1L);
        assertThat(((java.sql.Date) entitlement.get("start_month")).toLocalDate())
                .isEqualTo(TestDates.today().withDayOfMonth(1).plusMonths(1));
        assertThat(entitlement.get("end_month")).isNull();
        assertThat(entitlement.get("status")).isEqualTo("ACTIVE");
        assertThat(entitlement.get("tier_index")).isEqualTo(0);
        assertThat(entitlement.get("amount").toString()).isEqualTo("100.00");
        assertThat(entitlement.get("payee_account")).isEqualTo("6228480000000000001");

        // the application shows it
        mvc.perform(get("/subsidies/applications/" + id).with(as("street")))
                .andExpect(content().string(containsString("id=\"application-entitlement\"")))
                .andExpect(content().string(containsString(TestDates.today().withDayOfMonth(1).plusMonths(1).toString().substring(0, 7))));
        // the elder page's card shows it
        mvc.perform(get("/subsidies/elders/" + elderId + "/summary").with(as("community")))
                .andExpect(content().string(containsString("享受中")))
                .andExpect(content().string(containsString("100.00 元")));
    }

    @Test
    void theDatabaseRefusesASecondActiveEntitlementOfTheSamePolicy() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("唯一享受", 95, ApplicationTestSupport.LANTIAN);
        long first = t.approvedEntitlement(elderId, policy);
        long otherApplication = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            received_on, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'WITHDRAWN', 'COMMUNITY', current_date, 'test', 'test') RETURNING id""")
                .params(elderId, policy.id(), policy.code(), ApplicationTestSupport.LANTIAN).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        SELECT elder_id, policy_id, policy_code, ?, community_code, tier_index, amount, frequency,
                               start_month, 'ACTIVE', 'test' FROM subsidy_entitlement WHERE id = ?""")
                .params(otherApplication, first).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deathStopsEntitlementsFromTheNextMonthAndWithdrawsOpenApplications() throws Exception {
        Policy age = t.agePolicy();
        Policy nursing = t.nursingPolicy();
        long elderId = t.elder("去世停发", TestDates.today().minusYears(90).minusDays(40), ApplicationTestSupport.LANTIAN,
                true, 3);
        long entitlement = t.approvedEntitlement(elderId, age);
        long open = t.register(elderId, nursing);
        t.decide("street", open, "APPROVE", "");

        LocalDate died = TestDates.today();
        mvc.perform(post("/elders/" + elderId + "/deceased").with(as("community")).with(csrf())
                        .param("date", died.toString()).param("reason", "病故"))
                .andExpect(status().isFound());

        Map<String, Object> stopped = jdbc.sql("SELECT status, end_month, stop_reason, stopped_at FROM subsidy_entitlement "
                + "WHERE id = ?").param(entitlement).query().singleRow();
        assertThat(stopped.get("status")).isEqualTo("STOPPED");
        // paid up to and including the month of death (here: no month at all, as it started next month)
        assertThat(((java.sql.Date) stopped.get("end_month")).toLocalDate()).isEqualTo(died.withDayOfMonth(1));
        assertThat(stopped.get("stop_reason")).isEqualTo("ELDER_DECEASED");
        assertThat(t.stage(open)).isEqualTo("WITHDRAWN");
        assertThat(t.decisions(open)).containsExactly("SUBMIT", "APPROVE", "WITHDRAW");
        assertThat(jdbc.sql("SELECT stage_from FROM subsidy_decision WHERE application_id = ? AND action = 'WITHDRAW'")
                .param(open).query(String.class).single()).isEqualTo("DISTRICT_REVIEW");
        mvc.perform(get("/subsidies/elders/" + elderId + "/summary").with(as("community")))
                .andExpect(content().string(containsString("已停发")))
                .andExpect(content().string(containsString("老年人去世")));
    }

    @Test
    void anAssessmentThatBreaksEligibilityPutsTheEntitlementIntoTheStreetsRecheckQueue() throws Exception {
        Policy nursing = t.nursingPolicy();
        long elderId = t.elder("复核测试", TestDates.today().minusYears(75).minusDays(20), ApplicationTestSupport.LANTIAN,
                true, 3);
        long entitlement = t.approvedEntitlement(elderId, nursing);

        assess(elderId);
        assertThat(jdbc.sql("SELECT recheck_reason FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).single()).isEqualTo("NOT_ELIGIBLE");
        mvc.perform(get("/subsidies/rechecks").with(as("street")))
                .andExpect(content().string(containsString("复核测试")))
                .andExpect(content().string(containsString("已不符合补贴条件")));
        mvc.perform(get("/subsidies/rechecks").with(as("district")))
                .andExpect(content().string(containsString("复核测试")));
        mvc.perform(get("/subsidies/rechecks").with(as("xiangfu.reviewer")))
                .andExpect(content().string(not(containsString("复核测试"))));
        long version = lockVersion(entitlement);
        mvc.perform(post("/subsidies/rechecks/" + entitlement + "/confirm").with(as("xiangfu.reviewer")).with(csrf())
                .param("lockVersion", String.valueOf(version))).andExpect(status().isNotFound());
        mvc.perform(post("/subsidies/rechecks/" + entitlement + "/confirm").with(as("district")).with(csrf())
                .param("lockVersion", String.valueOf(version))).andExpect(status().isForbidden());

        // the street confirms it: the flag is cleared and the confirmation is audited
        mvc.perform(post("/subsidies/rechecks/" + entitlement + "/confirm").with(as("street")).with(csrf())
                        .param("lockVersion", String.valueOf(version)))
                .andExpect(flash().attribute("flashSuccess", "application.recheck.confirmed"));
        assertThat(jdbc.sql("SELECT recheck_since IS NULL FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(Boolean.class).single()).isTrue();

        // a correction of the record (ElderUpdated) flags it again; the street stops it, a reason required
        transactions.executeWithoutResult(status -> events.publishEvent(new ElderUpdated(elderId)));
        version = lockVersion(entitlement);
        mvc.perform(post("/subsidies/rechecks/" + entitlement + "/stop").with(as("street")).with(csrf())
                        .param("lockVersion", String.valueOf(version)).param("reason", " "))
                .andExpect(flash().attribute("flashError", "application.recheck.reasonRequired"));
        mvc.perform(post("/subsidies/rechecks/" + entitlement + "/stop").with(as("street")).with(csrf())
                        .param("lockVersion", String.valueOf(version)).param("reason", "入户核实能力完好"))
                .andExpect(flash().attribute("flashSuccess", "application.recheck.stopped"));
        Map<String, Object> row = jdbc.sql("SELECT status, end_month, stop_reason, recheck_since FROM subsidy_entitlement "
                + "WHERE id = ?").param(entitlement).query().singleRow();
        assertThat(row.get("status")).isEqualTo("STOPPED");
        assertThat(((java.sql.Date) row.get("end_month")).toLocalDate()).isEqualTo(TestDates.today().withDayOfMonth(1));
        assertThat(row.get("stop_reason")).isEqualTo("入户核实能力完好");
        assertThat(row.get("recheck_since")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity = 'subsidy_entitlement' AND entity_id = ? "
                        + "AND action IN ('ENTITLEMENT_RECHECK_FLAGGED', 'ENTITLEMENT_RECHECK_CONFIRMED', 'ENTITLEMENT_STOPPED')")
                .param(String.valueOf(entitlement)).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void anImportReevaluatesEveryActiveEntitlementSetBased() throws Exception {
        Policy age = t.agePolicy();
        long stays = t.elderAged("导入仍符合", 85, ApplicationTestSupport.LANTIAN);
        long breaks = t.elderAged("导入不符合", 85, ApplicationTestSupport.LANTIAN);
        long moves = t.elderAged("导入换档", 89, ApplicationTestSupport.LANTIAN);
        long kept = t.approvedEntitlement(stays, age);
        long broken = t.approvedEntitlement(breaks, age);
        long tier = t.approvedEntitlement(moves, age);
        jdbc.sql("UPDATE elder SET hukou_local = FALSE WHERE id = ?").param(breaks).update();
        jdbc.sql("UPDATE elder SET birth_date = birth_date - INTERVAL '2 years' WHERE id = ?").param(moves).update();

        recheck.reevaluateAll("test");
        assertThat(recheckReason(kept)).isNull();
        assertThat(recheckReason(broken)).isEqualTo("NOT_ELIGIBLE");
        assertThat(recheckReason(tier)).isEqualTo("TIER_CHANGED");
    }

    @Test
    void theDecisionLogRefusesUpdatesAndDeletes() throws Exception {
        Policy policy = t.agePolicy();
        long id = t.register(t.elderAged("只增不改", 80, ApplicationTestSupport.LANTIAN), policy);
        assertThatThrownBy(() -> jdbc.sql("UPDATE subsidy_decision SET note = 'x' WHERE application_id = ?")
                .param(id).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM subsidy_decision WHERE application_id = ?")
                .param(id).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
        assertThat(t.decisions(id)).containsExactly("SUBMIT");
    }

    private void assess(long elderId) throws Exception {
        MockHttpServletRequestBuilder assess = post("/elders/" + elderId + "/assessments").with(as("community"))
                .with(csrf()).param("assessedOn", TestDates.today().toString()).param("reason", "ROUTINE")
                .param("assessor", "评估员乙").param("secondAssessor", "评估员丙").param("agencyId", String.valueOf(jdbc.sql("INSERT INTO assessment_agency (name, region_code, created_by) VALUES ('测试评估机构', '330105000000', 'test') ON CONFLICT (region_code, name) DO UPDATE SET active = TRUE RETURNING id").query(Long.class).single())).param("riskEvents", "0");
        for (AssessmentItem item : AssessmentItem.values()) {
            assess.param("scores[" + item.name() + "]", String.valueOf(item.maxScore()));
        }
        mvc.perform(assess).andExpect(status().isFound());
    }

    private long lockVersion(long entitlement) {
        return jdbc.sql("SELECT lock_version FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(Long.class).single();
    }

    private String recheckReason(long entitlement) {
        return jdbc.sql("SELECT recheck_reason FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).list().get(0);
    }
}
