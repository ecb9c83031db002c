package org.yinling.visit;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.elder.ElderDeceased;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * A visitor records visits of the elders bound to them: an urgent finding reaches the street's and the district's
 * alert lists at once; the bad input of the issue (a future date, a date before the elder was rostered, a deceased
 * elder, an elder outside the visitor's elders, the same form sent twice, a tier raised without a reason) gives a
 * clear message and writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class VisitRecordingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitRoster roster;
    @Autowired
    ApplicationEventPublisher events;

    VisitFixtures fixtures;
    LocalDate today;
    long elder;

    @BeforeEach
    void setUp() {
        fixtures = new VisitFixtures(jdbc);
        today = TestDates.today();
        elder = fixtures.elder("探访测试老人", today.minusYears(86), "ALONE", "NONE");
        roster.recomputeElder(elder, "test");
        fixtures.rosteredOn(elder, today.minusDays(30));
        fixtures.bind(elder, "visitor");
    }

    private MockHttpServletRequestBuilder visit(long elderId, UUID key, LocalDate on, boolean reached) {
        MockHttpServletRequestBuilder request = post("/visits/elders/{id}", elderId).with(as("visitor")).with(csrf())
                .param("submissionKey", key.toString()).param("visitedOn", on.toString()).param("visitedTime", "00:05")
                .param("visitMode", "HOME").param("reached", Boolean.toString(reached));
        if (reached) {
            request.param("health", "FINE").param("homeSafety", "URGENT").param("homeSafetyNote", "燃气泄漏气味")
                    .param("money", "FINE").param("family", "CONCERN").param("services", "FINE");
        }
        return request;
    }

    private int visits(long elderId) {
        return jdbc.sql("SELECT count(*) FROM visit WHERE elder_id = ?").params(elderId).query(Integer.class).single();
    }

    @Test
    void anUrgentFindingIsOnTheStreetsAndTheDistrictsListsAtOnce() throws Exception {
        mvc.perform(get("/visits/elders/{id}/new", elder).with(as("visitor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("探访测试老人")));
        mvc.perform(visit(elder, UUID.randomUUID(), today, true))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/visits/*"));
        assertThat(visits(elder)).isEqualTo(1);
        for (String user : new String[] {"street", "district", "community"}) {
            mvc.perform(get("/visits/alerts").with(as(user)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("探访测试老人")))
                    .andExpect(content().string(containsString("燃气泄漏气味")));
        }
        assertThat(jdbc.sql("SELECT counted_visits FROM visit_month WHERE elder_id = ? AND month = ?")
                .params(elder, today.withDayOfMonth(1)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'VISIT_RECORDED' AND actor = 'visitor'"
                + " AND details ->> 'elder' = ?").params(Long.toString(elder)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameFormSentTwiceIsOneVisit() throws Exception {
        UUID key = UUID.randomUUID();
        mvc.perform(visit(elder, key, today, true)).andExpect(status().is3xxRedirection());
        mvc.perform(visit(elder, key, today, true)).andExpect(status().is3xxRedirection());
        assertThat(visits(elder)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM visit_alert WHERE elder_id = ?").params(elder)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aVisitThatDidNotReachTheElderDoesNotCountAndIsRetriedInTwoDays() throws Exception {
        mvc.perform(visit(elder, UUID.randomUUID(), today, false)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT retry_on FROM visit_roster WHERE elder_id = ? AND left_on IS NULL").params(elder)
                .query(LocalDate.class).single()).isEqualTo(today.plusDays(2));
        assertThat(jdbc.sql("SELECT count(*) FROM visit_month WHERE elder_id = ? AND counted_visits > 0").params(elder)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aVisitInTheFutureOrBeforeTheRosterIsRefused() throws Exception {
        mvc.perform(visit(elder, UUID.randomUUID(), today.plusDays(1), true))
                .andExpect(status().isOk()).andExpect(content().string(containsString("日期不能晚于现在")));
        mvc.perform(visit(elder, UUID.randomUUID(), today.minusDays(31), true))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(today.minusDays(30) + " 才列入探访名单")));
        assertThat(visits(elder)).isZero();
    }

    @Test
    void aDeceasedElderIsRefusedWithTheDate() throws Exception {
        fixtures.lifeStatus(elder, "DECEASED", today.minusDays(2));
        events.publishEvent(new ElderDeceased(elder, today.minusDays(2)));
        mvc.perform(visit(elder, UUID.randomUUID(), today, true))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已于 " + today.minusDays(2) + " 去世")));
        assertThat(visits(elder)).isZero();
    }

    @Test
    void anElderNotBoundToTheVisitorOrOfAnotherCommunityIsNotFound() throws Exception {
        long unbound = fixtures.elder("未绑定老人", today.minusYears(86), "ALONE", "NONE");
        roster.recomputeElder(unbound, "test");
        mvc.perform(get("/visits/elders/{id}", unbound).with(as("visitor"))).andExpect(status().isNotFound());
        mvc.perform(visit(unbound, UUID.randomUUID(), today, true)).andExpect(status().isNotFound());
        mvc.perform(get("/visits/elders/{id}", unbound).with(as("community"))).andExpect(status().isOk());
        long elsewhere = jdbc.sql("""
                        SELECT r.elder_id FROM visit_roster r WHERE r.left_on IS NULL AND r.community_code <> ?
                        ORDER BY r.elder_id LIMIT 1
                        """).params(VisitFixtures.LANTIAN).query(Long.class).optional()
                .orElseGet(() -> -1L);
        if (elsewhere > 0) {
            mvc.perform(get("/visits/elders/{id}", elsewhere).with(as("community"))).andExpect(status().isNotFound());
        }
        assertThat(visits(unbound)).isZero();
    }

    @Test
    void aTierIsRaisedOnlyWithAReason() throws Exception {
        mvc.perform(post("/visits/elders/{id}/tier", elder).with(as("visitor")).with(csrf())
                        .param("tier", "HIGH").param("reason", "  "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请说明提高风险等级的原因")));
        assertThat(fixtures.tier(elder)).isEqualTo("MEDIUM");
        mvc.perform(post("/visits/elders/{id}/tier", elder).with(as("visitor")).with(csrf())
                        .param("tier", "HIGH").param("reason", "独居且近期跌倒两次"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.tier(elder)).isEqualTo("HIGH");
        mvc.perform(get("/visits/elders/{id}", elder).with(as("visitor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("独居且近期跌倒两次")))
                .andExpect(content().string(not(containsString("VISIT_"))));
    }

    @Test
    void aConcernStartsAFollowUpWithOneClick() throws Exception {
        mvc.perform(visit(elder, UUID.randomUUID(), today, true)).andExpect(status().is3xxRedirection());
        long visitId = jdbc.sql("SELECT id FROM visit WHERE elder_id = ?").params(elder).query(Long.class).single();
        mvc.perform(post("/visits/{id}/actions", visitId).with(as("community")).with(csrf())
                        .param("area", "FAMILY").param("kind", "SUBSIDY_APPLICATION"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/subsidies/applications/new?elderId=*"));
        mvc.perform(post("/visits/{id}/actions", visitId).with(as("visitor")).with(csrf())
                        .param("area", "HOME_SAFETY").param("kind", "HOME_CARE_ORDER"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/visits/*"));
        mvc.perform(post("/visits/{id}/actions", visitId).with(as("visitor")).with(csrf())
                        .param("area", "HEALTH").param("kind", "REASSESSMENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM visit_action WHERE visit_id = ?").params(visitId)
                .query(Integer.class).single()).as("a fine finding starts nothing").isEqualTo(2);
        mvc.perform(get("/visits/{id}", visitId).with(as("visitor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已发起")));
    }
}
