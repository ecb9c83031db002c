package org.yinling.subsidy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Penetration test finding L4: moving an elder to another community left their open applications in the old one,
 * where nobody could open them any more (404 for everyone: the old community no longer sees the elder, the new one
 * not the application). The open applications follow the elder in the same transaction, audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationsFollowTheElderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    PolicyStore policyStore;

    ApplicationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ApplicationTestSupport(mvc, jdbc, policyStore, passwordEncoder);
    }

    @Test
    void anOpenApplicationMovesWithItsElderToTheNewCommunitysQueue() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("迁居测试", 86, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        assertThat(t.stage(id)).isEqualTo("STREET_REVIEW");

        // the street office corrects the address: the elder now lives in 瓜山, in the same street
        String residentId = jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elderId).query(String.class).single();
        long version = jdbc.sql("SELECT version FROM elder WHERE id = ?").param(elderId).query(Long.class).single();
        mvc.perform(post("/elders/{id}", elderId).with(as("street")).with(csrf())
                        .param("residentId", residentId).param("name", "迁居测试")
                        .param("communityCode", ApplicationTestSupport.GUASHAN).param("hukouLocal", "true")
                        .param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                        .param("version", Long.toString(version)))
                .andExpect(status().isFound());

        assertThat(jdbc.sql("SELECT community_code FROM subsidy_application WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(ApplicationTestSupport.GUASHAN);
        // the new community opens it, the old one no longer does, and the street reviews it where it reached
        mvc.perform(get("/subsidies/applications/{id}", id).with(as("guashan.clerk"))).andExpect(status().isOk());
        mvc.perform(get("/subsidies/applications/{id}", id).with(as("community"))).andExpect(status().isNotFound());
        t.decide("street", id, "APPROVE", "迁居后继续审核");
        assertThat(t.stage(id)).isEqualTo("DISTRICT_REVIEW");
        assertThat(jdbc.sql("""
                        SELECT details ->> 'from' || '>' || (details ->> 'to') FROM audit_event
                        WHERE action = 'APPLICATION_MOVED_WITH_ELDER' AND entity_id = ?
                        """)
                .param(Long.toString(id)).query(String.class).single())
                .isEqualTo(ApplicationTestSupport.LANTIAN + ">" + ApplicationTestSupport.GUASHAN);
    }
}
