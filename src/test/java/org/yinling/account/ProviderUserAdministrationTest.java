package org.yinling.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Provider managers and care workers belong to a provider, chosen by the administrator; other roles to none. */
@SpringBootTest
@AutoConfigureMockMvc
class ProviderUserAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long lantian() {
        return jdbc.sql("SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ1234567X'").query(Long.class).single();
    }

    @Test
    void aCareWorkerIsCreatedForAProviderAndReachesOnlyTheWorkersPages() throws Exception {
        long provider = lantian();
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "lantian.sun").param("displayName", "蓝天 护理员 孙丽")
                        .param("role", "CARE_WORKER").param("regionCode", "").param("providerId", String.valueOf(provider))
                        .param("password", "Lantian2026").param("passwordConfirm", "Lantian2026"))
                .andExpect(status().isFound());
        var row = jdbc.sql("SELECT provider_id, region_code FROM app_user WHERE username = 'lantian.sun'").query().singleRow();
        assertThat(row.get("provider_id")).isEqualTo(provider);
        // the region is the provider's district
        assertThat(row.get("region_code")).isEqualTo("330105000000");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_CREATED' AND details::text LIKE '%lantian.sun%'")
                .query(Integer.class).single()).isEqualTo(1);

        // the list names the provider
        mvc.perform(get("/admin/users").param("q", "lantian.sun").with(as("admin")))
                .andExpect(content().string(containsString("蓝天居家养老服务中心")));
        // the provider's page lists the new worker
        mvc.perform(get("/home-care/providers/{id}", provider).with(as("provider")))
                .andExpect(content().string(containsString("孙丽")));

        // after the first password change, the worker passes the route rule of /home-care/work and no other page
        jdbc.sql("UPDATE app_user SET password_change_required = FALSE WHERE username = 'lantian.sun'").update();
        int work = mvc.perform(get("/home-care/work").with(as("lantian.sun"))).andReturn().getResponse().getStatus();
        assertThat(work).as("GET /home-care/work as the new worker").isNotEqualTo(403);
        mvc.perform(get("/elders").with(as("lantian.sun"))).andExpect(status().isForbidden());
        mvc.perform(get("/home-care/providers").with(as("lantian.sun"))).andExpect(status().isForbidden());
    }

    @Test
    void aProviderRoleWithoutProviderAndAnotherRoleWithOneAreRefused() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "no.provider").param("displayName", "无组织护理员")
                        .param("role", "CARE_WORKER").param("regionCode", "330105000000")
                        .param("password", "Lantian2026").param("passwordConfirm", "Lantian2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "providerId", "user.provider.required"))
                .andExpect(content().string(containsString("必须选择所属服务组织")));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "clerk.provider").param("displayName", "带组织的社区人员")
                        .param("role", "COMMUNITY_CLERK").param("regionCode", "330105001001")
                        .param("providerId", String.valueOf(lantian()))
                        .param("password", "Lantian2026").param("passwordConfirm", "Lantian2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "providerId", "user.provider.notAllowed"));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "ghost.provider").param("displayName", "不存在的组织")
                        .param("role", "PROVIDER_MANAGER").param("providerId", "999999999")
                        .param("password", "Lantian2026").param("passwordConfirm", "Lantian2026"))
                .andExpect(model().attributeHasFieldErrorCode("form", "providerId", "user.provider.unknown"));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username IN ('no.provider', 'clerk.provider', 'ghost.provider')")
                .query(Integer.class).single()).isZero();
        // the form offers the providers
        mvc.perform(get("/admin/users/new").with(as("admin")))
                .andExpect(content().string(containsString("祥符助老服务社")))
                .andExpect(content().string(not(containsString("user.provider"))));
    }
}
