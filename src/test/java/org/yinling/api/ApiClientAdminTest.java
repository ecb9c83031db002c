package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The administrator's API client pages: the secret once, never again; CSRF; bad input; audited changes. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static String name() {
        return "admin-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long count(String name) {
        return jdbc.sql("SELECT count(*) FROM api_client WHERE name = ?").param(name).query(Long.class).single();
    }

    @Test
    void theSecretIsShownOnceAndNeverOnTheListNorTheClientsPage() throws Exception {
        String name = name();
        MvcResult created = mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "330105001000")
                        .param("scopes", "elders:read").param("scopes", "payments:read")
                        .param("rateLimitPerMinute", "600"))
                .andExpect(status().isOk()).andReturn();
        Document page = Jsoup.parse(html(created));
        String secret = page.getElementById("client-secret").text();
        String id = page.getElementById("client-id").text();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

        // stored as a hash only
        String hash = jdbc.sql("SELECT secret_hash FROM api_client WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(secret);

        String list = html(mvc.perform(get("/admin/api-clients").param("q", name).with(as("admin")))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).contains(name).doesNotContain(secret);
        String client = html(mvc.perform(get("/admin/api-clients/" + id).with(as("admin")))
                .andExpect(status().isOk()).andReturn());
        assertThat(client).contains(name).contains("payments:read").doesNotContain(secret);
        assertThat(Jsoup.parse(client).getElementById("previous-secret").text()).contains("无");
        // the interactive API documentation is linked from the pages
        assertThat(Jsoup.parse(list).select("a[href='/swagger-ui.html']")).isNotEmpty();

        assertThat(jdbc.sql("SELECT details::text FROM audit_event WHERE action = 'API_CLIENT_REGISTERED' AND entity_id = ?")
                .param(id).query(String.class).single()).contains(name).doesNotContain(secret);
    }

    @Test
    void everyFormNeedsTheCsrfToken() throws Exception {
        long id = jdbc.sql("""
                        INSERT INTO api_client (name, region_code, scopes, rate_limit_per_minute, secret_hash, created_at,
                                                created_by)
                        VALUES (?, '330105000000', '{elders:read}', 600, '{noop}x', now(), 'test') RETURNING id
                        """).param(name()).query(Long.class).single();
        for (MockHttpServletRequestBuilder request : List.of(
                post("/admin/api-clients").param("name", name()).param("regionCode", "330105000000")
                        .param("scopes", "elders:read").param("rateLimitPerMinute", "600"),
                post("/admin/api-clients/" + id).param("name", "x").param("regionCode", "330105000000")
                        .param("scopes", "elders:read").param("rateLimitPerMinute", "600"),
                post("/admin/api-clients/" + id + "/rotate").param("overlapDays", "0"),
                post("/admin/api-clients/" + id + "/revoke").param("confirm", "yes"))) {
            mvc.perform(request.with(as("admin"))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT revoked_at IS NULL AND secret_rotated_at IS NULL FROM api_client WHERE id = ?")
                .param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void badInputKeepsTheFormWithClearMessagesAndSavesNothing() throws Exception {
        String name = name();
        String blank = html(mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", " ").param("regionCode", "999999999999").param("rateLimitPerMinute", "0")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn());
        Document form = Jsoup.parse(blank);
        assertThat(form.select(".invalid-feedback").text())
                .contains("没有这个区域").contains("请至少选择一个授权范围");
        assertThat(form.select("#name.is-invalid")).isNotEmpty();
        assertThat(form.select("#rateLimitPerMinute.is-invalid")).isNotEmpty();
        assertThat(form.getElementById("client-secret")).isNull();

        String wrong = html(mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "").param("scopes", "everything:write")
                        .param("rateLimitPerMinute", "-5"))
                .andExpect(status().isOk()).andReturn());
        assertThat(Jsoup.parse(wrong).select(".invalid-feedback").text())
                .contains("请选择可见区域").contains("授权范围只能从列表中选择");
        assertThat(Jsoup.parse(wrong).getElementById("name").val()).isEqualTo(name);
        assertThat(Jsoup.parse(wrong).select("#rateLimitPerMinute.is-invalid")).isNotEmpty();
        assertThat(count(name)).isZero();
    }

    @Test
    void revocationAsksForConfirmationAndIsAudited() throws Exception {
        String name = name();
        Document created = Jsoup.parse(html(mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "330105000000").param("scopes", "elders:read")
                        .param("rateLimitPerMinute", "600"))
                .andReturn()));
        String id = created.getElementById("client-id").text();

        mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "api.client.revoke.unconfirmed"));
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_client WHERE id = ?").param(Long.parseLong(id))
                .query(Boolean.class).single()).isTrue();

        mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(as("admin")).with(csrf()).param("confirm", "yes"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "api.client.revoked"));
        assertThat(jdbc.sql("SELECT revoked_by FROM api_client WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single()).isEqualTo("admin");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'API_CLIENT_REVOKED' AND entity_id = ?")
                .param(id).query(String.class).single()).isEqualTo("admin");
        // a revoked client can no longer be rotated
        mvc.perform(post("/admin/api-clients/" + id + "/rotate").with(as("admin")).with(csrf()).param("overlapDays", "7"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "api.client.rotate.refused"));
    }

    @Test
    void editingNarrowsTheScopesAndIsAuditedWithBeforeAndAfter() throws Exception {
        String name = name();
        Document created = Jsoup.parse(html(mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "330105000000").param("scopes", "elders:read")
                        .param("scopes", "statistics:read").param("rateLimitPerMinute", "600"))
                .andReturn()));
        String id = created.getElementById("client-id").text();
        mvc.perform(post("/admin/api-clients/" + id).with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "330105001000").param("scopes", "statistics:read")
                        .param("rateLimitPerMinute", "120"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT array_to_string(scopes, ',') || ' ' || region_code || ' ' || rate_limit_per_minute"
                        + " FROM api_client WHERE id = ?").param(Long.parseLong(id)).query(String.class).single())
                .isEqualTo("statistics:read 330105001000 120");
        assertThat(jdbc.sql("SELECT details::text FROM audit_event WHERE action = 'API_CLIENT_UPDATED' AND entity_id = ?")
                .param(id).query(String.class).single()).contains("before").contains("after").contains("330105001000");
    }

    @Test
    void otherUsersCannotReachThePages() throws Exception {
        mvc.perform(get("/admin/api-clients").with(as("district"))).andExpect(status().isForbidden());
    }
}
