package org.yinling.supervision;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Incidents: a street reports one, the district reviews it; dated in the future it is refused with the form kept and
 * nothing written; another street does not find it; it is never deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class IncidentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long home;

    @BeforeEach
    void setUp() {
        home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by, updated_by)
                        VALUES ('事件测试护理院', 'PRIVATE_HOME', 'PRIVATE', '330105001001', 'AGREEMENT', 'test', 'test') RETURNING id
                        """).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder report(String user, LocalDateTime at) {
        return post("/supervision/incidents").with(as(user)).with(csrf()).param("institutionId", Long.toString(home))
                .param("kind", "FALL").param("occurredAt", at.toString()).param("residents", "住养老人 测试甲")
                .param("familyNotifiedAt", at.plusMinutes(30).toString()).param("hospital", "第一医院")
                .param("outcome", "轻微擦伤，已处理");
    }

    private int incidents() {
        return jdbc.sql("SELECT count(*) FROM supervision_incident WHERE institution_id = ?").param(home)
                .query(Integer.class).single();
    }

    @Test
    void aStreetReportsAnIncidentAndTheDistrictReviewsIt() throws Exception {
        LocalDateTime yesterday = TestDates.today().minusDays(1).atTime(8, 15);
        String location = mvc.perform(report("street", yesterday))
                .andExpect(redirectedUrlPattern("/supervision/incidents/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/supervision/incidents").with(as("district")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("事件测试护理院")))
                .andExpect(content().string(containsString("跌倒")));
        mvc.perform(post("/supervision/incidents/{id}/review", id).with(as("street")).with(csrf()).param("review", "看过"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/incidents/{id}/review", id).with(as("district")).with(csrf()).param("review", "处置得当"))
                .andExpect(flash().attribute("flashSuccess", "supervision.incident.reviewedDone"));
        mvc.perform(get("/supervision/incidents/{id}", id).with(as("street")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("处置得当")));
        // never deleted
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM supervision_incident WHERE id = ?").param(id).update())
                .hasStackTraceContaining("never deleted");
    }

    @Test
    void anIncidentDatedInTheFutureIsRefusedWithTheFormKept() throws Exception {
        mvc.perform(report("district", TestDates.today().plusDays(1).atTime(9, 0)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("发生时间不能晚于现在")))
                .andExpect(content().string(containsString("轻微擦伤，已处理")));
        assertThat(incidents()).isZero();
    }

    @Test
    void anotherStreetDoesNotFindTheInstitutionOrItsIncidents() throws Exception {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('incident.otherstreet', '祥符街道', '{noop}x', 'STREET_REVIEWER', '330105002000')
                """).update();
        mvc.perform(report("incident.otherstreet", TestDates.today().minusDays(1).atTime(8, 0)))
                .andExpect(status().isNotFound());
        assertThat(incidents()).isZero();
        mvc.perform(report("street", TestDates.today().minusDays(1).atTime(8, 0)));
        long id = jdbc.sql("SELECT id FROM supervision_incident WHERE institution_id = ?").param(home).query(Long.class).single();
        mvc.perform(get("/supervision/incidents/{id}", id).with(as("incident.otherstreet"))).andExpect(status().isNotFound());
    }
}
