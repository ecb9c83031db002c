package org.yinling.visit;

import java.time.LocalDate;

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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * District staff write a roster rule with the criteria editor and the roster follows at once; a rule without criteria
 * or for every region is refused with a message. A community moves all of one visitor's elders to another.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class VisitRulesAndVisitorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitRoster roster;

    VisitFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new VisitFixtures(jdbc);
        today = TestDates.today();
    }

    private MockHttpServletRequestBuilder rule(String region) {
        return post("/visits/rules/roster/new").with(as("district")).with(csrf())
                .param("name", "75岁以上独居（测试）").param("regionCode", region)
                .param("effectiveFrom", today.toString()).param("homeOnly", "true").param("connective", "AND")
                .param("groups[0].connective", "AND")
                .param("groups[0].criteria[0].attribute", "AGE").param("groups[0].criteria[0].operator", "GE")
                .param("groups[0].criteria[0].value", "75")
                .param("groups[0].criteria[1].attribute", "LIVING_ARRANGEMENT")
                .param("groups[0].criteria[1].operator", "EQ")
                .param("groups[0].criteria[1].choices", "LIVING_ARRANGEMENT:ALONE");
    }

    @Test
    void aRuleOfTheDistrictPutsItsEldersOnTheRosterAtOnce() throws Exception {
        long seventySix = fixtures.elder("规则测试", today.minusYears(76), "ALONE", "NONE");
        long seventyFour = fixtures.elder("规则测试", today.minusYears(74), "ALONE", "NONE");
        mvc.perform(rule("330105000000")).andExpect(status().is3xxRedirection());
        assertThat(fixtures.tier(seventySix)).isEqualTo("LOW");
        assertThat(fixtures.tier(seventyFour)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'VISIT_ROSTER_RULE_CREATED' AND actor = 'district'")
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/visits/rules").with(as("district")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("75岁以上独居（测试）")))
                .andExpect(content().string(containsString("独居")));
    }

    @Test
    void aRuleWithoutCriteriaOrForEveryRegionIsRefused() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM visit_roster_rule").query(Integer.class).single();
        mvc.perform(post("/visits/rules/roster/new").with(as("district")).with(csrf())
                        .param("name", "空规则").param("regionCode", "330105000000")
                        .param("effectiveFrom", today.toString()).param("connective", "AND"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("rule-form")));
        mvc.perform(rule("")).andExpect(status().isOk())
                .andExpect(content().string(containsString("全部区域的默认规则由系统管理员设置")));
        mvc.perform(rule("330105000000").with(as("street"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM visit_roster_rule").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aCommunityMovesAllOfOneVisitorsEldersToAnother() throws Exception {
        long first = fixtures.elder("转交测试", today.minusYears(88), "ALONE", "NONE");
        long second = fixtures.elder("转交测试", today.minusYears(88), "ALONE", "NONE");
        roster.recomputeElder(first, "test");
        roster.recomputeElder(second, "test");
        long visitor = userId("visitor");
        long visitor2 = userId("visitor2");
        mvc.perform(post("/visits/visitors/bind").with(as("community")).with(csrf())
                        .param("elders", Long.toString(first), Long.toString(second))
                        .param("visitor", Long.toString(visitor)))
                .andExpect(status().is3xxRedirection());
        assertThat(boundTo(first)).isEqualTo(visitor);
        mvc.perform(post("/visits/visitors/reassign").with(as("community")).with(csrf())
                        .param("from", Long.toString(visitor)).param("to", Long.toString(visitor2)))
                .andExpect(status().is3xxRedirection());
        assertThat(boundTo(first)).isEqualTo(visitor2);
        assertThat(boundTo(second)).isEqualTo(visitor2);
        // a clerk of another community binds nothing of 蓝天
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('visits.guashan', '瓜山社区', '{noop}x', 'COMMUNITY_CLERK', '330105001002') ON CONFLICT DO NOTHING
                """).update();
        mvc.perform(post("/visits/visitors/bind").with(as("visits.guashan")).with(csrf())
                        .param("elders", Long.toString(first)).param("visitor", Long.toString(userId("visits.guashan"))))
                .andExpect(status().is3xxRedirection());
        assertThat(boundTo(first)).isEqualTo(visitor2);
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").params(username).query(Long.class).single();
    }

    private long boundTo(long elder) {
        return jdbc.sql("SELECT visitor_id FROM visit_binding WHERE elder_id = ?").params(elder).query(Long.class)
                .single();
    }
}
