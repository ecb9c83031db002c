package org.yinling.system;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Login, lockout, route rules and headers, against the real filter chain and the embedded PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anonymousRequestsGoToTheLoginPage() throws Exception {
        for (String path : List.of("/", "/admin/users", "/admin/regions", "/admin/audit", "/no/such/page")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void loginPageIsChineseByDefaultAndListsDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名")))
                .andExpect(content().string(containsString("演示账号")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Username")))
                .andExpect(content().string(containsString("Demo accounts")));
    }

    @Test
    void demoAccountLogsInAndSeesTheHomePage() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("district").password("yinling"))
                .andExpect(authenticated().withUsername("district"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        // the session lives in PostgreSQL (Spring Session JDBC): the cookie is all a later request needs
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("区民政局工作人员")))
                .andExpect(content().string(containsString("拱墅区（演示）")));
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessage() throws Exception {
        mvc.perform(formLogin("/login").user("street").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(containsString("用户名或密码错误")));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = newUser("lockme", true);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong" + attempt))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin("/login").user(username).password("wrong5")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user(username).password("Correct123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(containsString("连续 5 次密码错误已被锁定")))
                .andExpect(content().string(containsString("15 分钟")));
        assertThat(auditCount(username, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(auditCount(username, "LOGIN_FAILED")).isEqualTo(6);

        // when the lock has run out, the right password works again and the counter starts afresh
        jdbc.sql("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = :u")
                .param("u", username).update();
        mvc.perform(formLogin("/login").user(username).password("Correct123")).andExpect(authenticated());
        assertThat(jdbc.sql("SELECT failed_logins FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() throws Exception {
        String username = newUser("resetme", true);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong"));
        }
        mvc.perform(formLogin("/login").user(username).password("Correct123")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user(username).password("Correct123")).andExpect(authenticated());
    }

    @Test
    void disabledUsersCannotLogIn() throws Exception {
        String username = newUser("disabled", false);
        mvc.perform(formLogin("/login").user(username).password("Correct123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(get("/login").param("error", "disabled")).andExpect(content().string(containsString("已停用")));
    }

    @Test
    void loginChangesTheSessionId() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", "manager").param("password", "yinling"))
                .andExpect(authenticated())
                .andReturn();
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'manager'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void stateChangingRequestsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "district").param("password", "yinling"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/1/disable").with(as("admin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAdministratorReachesAdministration() throws Exception {
        for (String username : List.of("district", "street", "community", "manager")) {
            for (String path : List.of("/admin/users", "/admin/users/new", "/admin/regions", "/admin/audit")) {
                mvc.perform(get(path).with(as(username)))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(get("/").with(as(username))).andExpect(status().isOk());
        }
        for (String path : List.of("/admin/users", "/admin/users/new", "/admin/regions", "/admin/audit", "/")) {
            mvc.perform(get(path).with(as("admin"))).andExpect(status().isOk());
        }
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        mvc.perform(get("/").with(as("admin")))
                .andExpect(content().string(containsString("href=\"/admin/users\"")));
        mvc.perform(get("/").with(as("street")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/admin/users\""))));
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsPublicAndShowsTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void missingPagesAndRecordsAreA404PageNotAStackTrace() throws Exception {
        mvc.perform(get("/admin/users/999999/edit").with(as("admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/regions/999999999999/edit").with(as("admin")))
                .andExpect(status().isNotFound());
    }

    private String newUser(String prefix, boolean enabled) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code, enabled)
                        VALUES (:u, 'Test', :hash, 'STREET_REVIEWER', '330105001000', :enabled)
                        """)
                .param("u", username).param("hash", passwordEncoder.encode("Correct123")).param("enabled", enabled)
                .update();
        return username;
    }

    private int auditCount(String username, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :u AND action = :a")
                .param("u", username).param("a", action).query(Integer.class).single();
    }
}
