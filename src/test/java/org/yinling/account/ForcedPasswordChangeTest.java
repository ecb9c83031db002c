package org.yinling.account;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

/**
 * Penetration test finding L3, second part: a password an administrator set (a new account, a reset) is known to two
 * people, yet it stayed in use. Now its holder is sent to the change-password page, whatever they ask for, until they
 * have chosen their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ForcedPasswordChangeTest {

    private static final String CHANGE_PAGE = "/account/password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aNewUserMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
        String username = "forced." + tag;
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", username).param("displayName", "上塘街道 新人").param("role", "STREET_REVIEWER")
                        .param("regionCode", "330105001000")
                        .param("password", "Shangtang88Lu").param("passwordConfirm", "Shangtang88Lu"))
                .andExpect(redirectedUrl("/admin/users"));
        Cookie session = logIn(username, "Shangtang88Lu");

        // pages, an export and an action: all lead to the change-password page
        for (String path : List.of("/", "/elders", "/elders/export", "/subsidies/applications", "/dashboard")) {
            mvc.perform(get(path).cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl(CHANGE_PAGE));
        }
        mvc.perform(post("/elders").cookie(session).with(csrf()).param("name", "x"))
                .andExpect(redirectedUrl(CHANGE_PAGE));
        mvc.perform(get(CHANGE_PAGE).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您的密码由管理员设置")));

        // the current password must be given, and the new one must satisfy the policy
        mvc.perform(post(CHANGE_PAGE).cookie(session).with(csrf()).param("currentPassword", "Wrong2026xy")
                        .param("password", "Fresh2027pw").param("passwordConfirm", "Fresh2027pw"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.change.wrongCurrent"));
        mvc.perform(post(CHANGE_PAGE).cookie(session).with(csrf()).param("currentPassword", "Shangtang88Lu")
                        .param("password", "password1").param("passwordConfirm", "password1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.policy.common"));
        mvc.perform(post(CHANGE_PAGE).cookie(session).with(csrf()).param("currentPassword", "Shangtang88Lu")
                        .param("password", "Shangtang88Lu").param("passwordConfirm", "Shangtang88Lu"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.change.same"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl(CHANGE_PAGE));

        mvc.perform(post(CHANGE_PAGE).cookie(session).with(csrf()).param("currentPassword", "Shangtang88Lu")
                        .param("password", "Fresh2027pw").param("passwordConfirm", "Fresh2027pw"))
                .andExpect(redirectedUrl("/"));
        // the same session goes on, now to every page
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("您的密码由管理员设置"))));
        mvc.perform(get("/elders").cookie(session)).andExpect(status().isOk());
        // the administrator's password is gone; the new one logs in without a detour
        mvc.perform(formLogin("/login").user(username).password("Shangtang88Lu")).andExpect(redirectedUrl("/login?error=bad"));
        Cookie next = logIn(username, "Fresh2027pw");
        mvc.perform(get("/").cookie(next)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND actor = ?")
                .param(username).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPasswordResetByTheAdministratorMustBeReplacedAtTheNextLogin() throws Exception {
        String username = "reset." + tag;
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, 'Test', ?, 'COMMUNITY_CLERK', '330105001001') RETURNING id
                        """)
                .params(username, passwordEncoder.encode("Lantian#2026")).query(Long.class).single();
        mvc.perform(get("/").cookie(logIn(username, "Lantian#2026"))).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/password").with(as("admin")).with(csrf())
                        .param("password", "Given2026ab").param("passwordConfirm", "Given2026ab"))
                .andExpect(redirectedUrl("/admin/users/" + id + "/edit"));

        Cookie session = logIn(username, "Given2026ab");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl(CHANGE_PAGE));
        mvc.perform(post(CHANGE_PAGE).cookie(session).with(csrf()).param("currentPassword", "Given2026ab")
                        .param("password", "Mine2026xyz").param("passwordConfirm", "Mine2026xyz"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void everyUserMayChangeTheirPasswordFromTheUserMenu() throws Exception {
        mvc.perform(get("/").with(as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/account/password\"")));
        mvc.perform(get(CHANGE_PAGE).with(as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("您的密码由管理员设置"))));
    }

    private Cookie logIn(String username, String password) throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }
}
