package org.yinling.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

@SpringBootTest
@AutoConfigureMockMvc
class UserAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void adminCreatesAUserWhoCanLogInWithAHashedPassword() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "xiangfu.li").param("displayName", "祥符街道 李华")
                        .param("role", "STREET_REVIEWER").param("regionCode", "330105002000")
                        .param("password", "Xiangfu2026").param("passwordConfirm", "Xiangfu2026"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"));
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'xiangfu.li'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Xiangfu2026");
        mvc.perform(formLogin("/login").user("xiangfu.li").password("Xiangfu2026")).andExpect(authenticated());
        CurrentUser loaded = (CurrentUser) users.loadUserByUsername("XIANGFU.LI");
        assertThat(loaded.scope().prefix()).isEqualTo("330105002");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_CREATED' AND details::text LIKE '%xiangfu.li%'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesWeakPasswordsDuplicateNamesAndRegionsThatDoNotFitTheRole() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "district").param("displayName", "x")
                        .param("role", "COMMUNITY_CLERK").param("regionCode", "330105001000")
                        .param("password", "short").param("passwordConfirm", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.taken"))
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "user.region.level.COMMUNITY_CLERK"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.policy.length"))
                .andExpect(content().string(containsString("社区受理人员的所属区域须为社区（村）")));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "newbie").param("displayName", "x")
                        .param("role", "DISTRICT_STAFF").param("regionCode", "330105000000")
                        .param("password", "onlyletters").param("passwordConfirm", "onlyletters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.policy.mix"));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "newbie").param("displayName", "x")
                        .param("role", "DISTRICT_STAFF").param("regionCode", "330105000000")
                        .param("password", "newbie12345").param("passwordConfirm", "newbie12345"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.policy.username"));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "newbie").param("displayName", "x")
                        .param("role", "DISTRICT_STAFF").param("regionCode", "330105000000")
                        .param("password", "Good2026pw").param("passwordConfirm", "Good2026px"))
                .andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirm", "password.confirm.mismatch"));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single()).isEqualTo(before);
    }

    /** Penetration test finding L3: common and repetitive passwords, and the username inside one, were accepted. */
    @Test
    void refusesCommonAndRepetitivePasswordsAndTheUsernameInside() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
        for (String[] refused : new String[][] {{"password1", "password.policy.common"},
                {"Passw0rd", "password.policy.common"}, {"aaaaaaa1", "password.policy.common"},
                {"bbbbbbb7", "password.policy.repetitive"}, {"hijklmn4", "password.policy.repetitive"},
                {"Weak.Li2026", "password.policy.username"}}) {
            mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                            .param("username", "weak.li").param("displayName", "x")
                            .param("role", "DISTRICT_STAFF").param("regionCode", "330105000000")
                            .param("password", refused[0]).param("passwordConfirm", refused[0]))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("form", "password", refused[1]));
        }
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "weak.li").param("displayName", "x")
                        .param("role", "DISTRICT_STAFF").param("regionCode", "330105000000")
                        .param("password", "password1").param("passwordConfirm", "password1").param("lang", "en"))
                .andExpect(content().string(containsString("This is a common password")));
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'district'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + id + "/password").with(as("admin")).with(csrf())
                        .param("password", "Qwerty2026").param("passwordConfirm", "Qwerty2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "password", "password.policy.common"))
                .andExpect(content().string(containsString("这是常见密码")));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void disablingAUserStopsTheirLoginAndResetPasswordLetsThemBackIn() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                .param("username", "temp.user").param("displayName", "临时").param("role", "MANAGER")
                .param("regionCode", "330105000000").param("password", "Temp2026pw").param("passwordConfirm", "Temp2026pw"));
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'temp.user'").query(Long.class).single();

        mvc.perform(post("/admin/users/" + id + "/disable").with(as("admin")).with(csrf())).andExpect(status().isFound());
        mvc.perform(formLogin("/login").user("temp.user").password("Temp2026pw")).andExpect(redirectedUrl("/login?error=disabled"));

        mvc.perform(post("/admin/users/" + id + "/enable").with(as("admin")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/users/" + id + "/password").with(as("admin")).with(csrf())
                        .param("password", "Fresh2027pw").param("passwordConfirm", "Fresh2027pw"))
                .andExpect(status().isFound());
        mvc.perform(formLogin("/login").user("temp.user").password("Temp2026pw")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user("temp.user").password("Fresh2027pw")).andExpect(authenticated());
        assertThat(jdbc.sql("""
                        SELECT string_agg(action, ',' ORDER BY id) FROM audit_event
                        WHERE entity = 'app_user' AND entity_id = :id AND actor = 'admin'
                        """).param("id", String.valueOf(id)).query(String.class).single())
                .isEqualTo("USER_CREATED,USER_DISABLED,USER_ENABLED,USER_PASSWORD_RESET");
    }

    @Test
    void disablingAUserEndsTheSessionTheyAreLoggedInWith() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                .param("username", "session.user").param("displayName", "会话").param("role", "MANAGER")
                .param("regionCode", "330105000000").param("password", "Session2026").param("passwordConfirm", "Session2026"));
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'session.user'").query(Long.class).single();
        // the session lives in PostgreSQL (Spring Session JDBC); the cookie names it
        jakarta.servlet.http.Cookie session =
                mvc.perform(formLogin("/login").user("session.user").password("Session2026"))
                        .andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
        // (the administrator chose the password: the session shows the change-password page first)
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/disable").with(as("admin")).with(csrf())).andExpect(status().isFound());

        mvc.perform(get("/").cookie(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
        long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + adminId + "/disable").with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "user.disableSelf"));
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", adminId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void listSearchesByNameAndRole() throws Exception {
        mvc.perform(get("/admin/users").param("q", "上塘").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上塘街道 李强")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("蓝天社区 张丽"))));
        mvc.perform(get("/admin/users").param("role", "COMMUNITY_CLERK").with(as("admin")))
                .andExpect(content().string(containsString("蓝天社区 张丽")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("上塘街道 李强"))));
    }

}
