package org.yinling.subsidy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Who may see policies: district staff and the administrator only; district staff of another district find the
 * demo district's policies neither in the list nor by id. Uses a district created once (committed: the region tree
 * is refreshed on commit) and the demo policy GAOLING.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyAccessTest {

    static final String OTHER_DISTRICT = "110199000000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void anotherDistrictWithItsStaff() throws Exception {
        boolean exists = jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(OTHER_DISTRICT)
                .query(Integer.class).single() > 0;
        if (!exists) {
            mvc.perform(post("/admin/regions").with(as("admin")).with(csrf())
                            .param("code", OTHER_DISTRICT).param("name", "政策测试区"))
                    .andExpect(status().isFound());
        }
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('policy.other', 'policy.other', ?, 'DISTRICT_STAFF', ?) ON CONFLICT DO NOTHING
                        """)
                .params(passwordEncoder.encode("Secret123"), OTHER_DISTRICT).update();
    }

    @Test
    void streetReviewersCommunityClerksAndManagersAreRefused() throws Exception {
        long gaoling = gaoling();
        for (String username : new String[] {"street", "community", "manager"}) {
            mvc.perform(get("/subsidies/policies").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(get("/subsidies/policies/" + gaoling).with(as(username))).andExpect(status().isForbidden());
            mvc.perform(post("/subsidies/policies/" + gaoling + "/enrol").with(as(username)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/subsidies/policies")).andExpect(status().is3xxRedirection());
    }

    @Test
    void districtStaffOfAnotherDistrictGet404ForEveryPageAndAction() throws Exception {
        long gaoling = gaoling();
        // the list names policies and links them by id (codes are not shown)
        mvc.perform(get("/subsidies/policies").with(as("policy.other")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/subsidies/policies/" + gaoling + "\""))));
        mvc.perform(get("/subsidies/policies/" + gaoling).with(as("policy.other"))).andExpect(status().isNotFound());
        mvc.perform(get("/subsidies/policies/" + gaoling + "/preview").with(as("policy.other")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/subsidies/policies/" + gaoling + "/edit").with(as("policy.other")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/subsidies/policies/" + gaoling + "/publish").param("lockVersion", "0")
                .with(as("policy.other")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/subsidies/policies/" + gaoling + "/enrol").with(as("policy.other")).with(csrf()))
                .andExpect(status().isNotFound());
        // a policy for the other district cannot be made by the demo district's staff
        mvc.perform(post("/subsidies/policies").with(as("district")).with(csrf())
                        .param("code", "TOTHER").param("name", "x").param("kind", "AGE_ALLOWANCE")
                        .param("regionCode", OTHER_DISTRICT).param("effectiveFrom", "2026-01-01")
                        .param("frequency", "MONTHLY").param("backPayMonths", "0").param("connective", "AND")
                        .param("groups[0].connective", "AND").param("groups[0].criteria[0].attribute", "AGE")
                        .param("groups[0].criteria[0].operator", "GE").param("groups[0].criteria[0].value", "80")
                        .param("amountMode", "FIXED").param("fixedAmount", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只能为您管辖范围内的地区制定政策。")));
        // the administrator and the district's own staff see it
        mvc.perform(get("/subsidies/policies/" + gaoling).with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/subsidies/policies").with(as("district")))
                .andExpect(content().string(containsString("/subsidies/policies/" + gaoling + "\"")));
    }

    private long gaoling() {
        return jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'")
                .query(Long.class).single();
    }

}
