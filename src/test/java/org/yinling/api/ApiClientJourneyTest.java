package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client journey with real tokens: the administrator registers a client, the client gets a token at
 * {@code POST /api/v1/token} and calls {@code GET /api/v1/me}; wrong secrets, revocation, expiry, rotation, the rate
 * limit and the audit line of each call.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientJourneyTest {

    static final String STREET = "330105001000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApiClientStore store;

    /** A client registered through the administrator's page: its id and its secret (shown once). */
    record Registered(String id, String secret, String name) {
    }

    Registered register(String region, int rateLimit, String... scopes) throws Exception {
        String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        var request = post("/admin/api-clients").with(as("admin")).with(csrf())
                .param("name", name).param("regionCode", region).param("rateLimitPerMinute", Integer.toString(rateLimit));
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        return new Registered(page.getElementById("client-id").text(), page.getElementById("client-secret").text(), name);
    }

    String token(String clientId, String secret) throws Exception {
        String body = mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", clientId)
                        .param("client_secret", secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(600))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("access_token").asString();
    }

    @Test
    void aRegisteredClientGetsATokenAndSeesItsRegionAndScopes() throws Exception {
        Registered client = register(STREET, 600, "elders:read", "statistics:read");
        String token = token(client.id(), client.secret());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client").value(client.name()))
                .andExpect(jsonPath("$.region").value(STREET))
                .andExpect(jsonPath("$.scopes[0]").value("elders:read"))
                .andExpect(jsonPath("$.scopes[1]").value("statistics:read"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void httpBasicClientAuthenticationWorksToo() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        String basic = Base64.getEncoder().encodeToString((client.id() + ":" + client.secret())
                .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", "Basic " + basic).param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").isString());
    }

    @Test
    void aWrongSecretOrAnUnknownClientOrGrantIsRefusedAsOAuthSays() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", client.id())
                        .param("client_secret", client.secret() + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"));
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", "999999999")
                        .param("client_secret", client.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"));
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("client_id", client.id())
                        .param("client_secret", client.secret()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'API_TOKEN_REFUSED' AND entity_id = ?")
                .param(client.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRevokedClientsTokenIsRefusedAtOnce() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        String token = token(client.id(), client.secret());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(post("/admin/api-clients/" + client.id() + "/revoke").with(as("admin")).with(csrf())
                        .param("confirm", "yes"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.type").value(ApiProblems.TYPE_BASE + "invalidToken"));
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", client.id())
                        .param("client_secret", client.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredMalformedOrForeignTokenIsA401Problem() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        ApiClientStore.Credentials credentials = store.credentials(Long.parseLong(client.id())).orElseThrow();
        String expired = tokens.issueAt(credentials, Instant.now().minus(ApiTokens.LIFETIME).minusSeconds(60)).accessToken();
        String live = tokens.issueAt(credentials, Instant.now()).accessToken();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + live)).andExpect(status().isOk());

        String[] parts = live.split("\\.");
        String wrongSignature = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32]);
        for (String bad : List.of(expired, "not-a-token", wrongSignature, parts[0] + "." + parts[1] + ".")) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + bad))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(401));
        }
    }

    @Test
    void afterARotationTheOldSecretWorksUntilTheOverlapEndsThenNot() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        MvcResult rotated = mvc.perform(post("/admin/api-clients/" + client.id() + "/rotate").with(as("admin"))
                        .with(csrf()).param("overlapDays", "7"))
                .andExpect(status().isOk()).andReturn();
        String newSecret = Jsoup.parse(rotated.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .getElementById("client-secret").text();
        assertThat(newSecret).isNotEqualTo(client.secret());

        token(client.id(), newSecret);
        token(client.id(), client.secret());
        // both shown on the client's page: the previous secret with the end of its overlap
        String page = mvc.perform(get("/admin/api-clients/" + client.id()).with(as("admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).getElementById("previous-secret").text()).contains("继续有效至");

        // the overlap ends (as if seven days had passed)
        jdbc.sql("UPDATE api_client SET previous_secret_until = now() - interval '1 second' WHERE id = ?")
                .param(Long.parseLong(client.id())).update();
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", client.id())
                        .param("client_secret", client.secret()))
                .andExpect(status().isUnauthorized());
        token(client.id(), newSecret);

        // an overlap of 0 days: the previous secret stops at once
        MvcResult again = mvc.perform(post("/admin/api-clients/" + client.id() + "/rotate").with(as("admin"))
                        .with(csrf()).param("overlapDays", "0"))
                .andExpect(status().isOk()).andReturn();
        String third = Jsoup.parse(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .getElementById("client-secret").text();
        token(client.id(), third);
        mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", client.id())
                        .param("client_secret", newSecret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tenWrongSecretsInAMinuteBlockTheClientIdForTheRestOfIt() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        Registered other = register(STREET, 600, "elders:read");
        List<MvcResult> results = new ArrayList<>();
        // 21 wrong secrets fall in at most two minutes, so one minute holds 11 or more: the 11th of it is refused
        for (int i = 0; i <= 2 * ApiTokenAttempts.FAILURES_PER_MINUTE; i++) {
            results.add(mvc.perform(post("/api/v1/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("grant_type", "client_credentials").param("client_id", client.id())
                    .param("client_secret", "guess-" + i)).andReturn());
        }
        assertThat(results).allMatch(r -> r.getResponse().getStatus() == 401 || r.getResponse().getStatus() == 429);
        MvcResult blocked = results.stream().filter(r -> r.getResponse().getStatus() == 429).findFirst().orElseThrow();
        assertThat(Integer.parseInt(blocked.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(json.readTree(blocked.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("error").asString())
                .isEqualTo("invalid_client");
        // a blocked attempt checks no secret: fewer refusals audited than attempts made
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'API_TOKEN_REFUSED' AND entity_id = ?")
                .param(client.id()).query(Long.class).single()).isLessThan(results.size());
        // another client is not affected
        token(other.id(), other.secret());
    }

    @Test
    void overTheRateLimitTheAnswerIs429WithRetryAfter() throws Exception {
        Registered client = register(STREET, 1, "elders:read");
        String token = token(client.id(), client.secret());
        List<MvcResult> results = new ArrayList<>();
        // a limit of one call a minute: of three calls at most two fall in different minutes, so one is refused
        for (int i = 0; i < 3; i++) {
            results.add(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn());
        }
        MvcResult refused = results.stream().filter(r -> r.getResponse().getStatus() == 429).findFirst().orElseThrow();
        assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(json.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("status").asInt())
                .isEqualTo(429);
    }

    @Test
    void everyCallIsAuditedWithTheClientsNameAndNoQueryString() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        String token = token(client.id(), client.secret());
        mvc.perform(get("/api/v1/me").param("id", "330105195001011234").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/no-such-route").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        List<String> details = jdbc.sql("""
                        SELECT details::text FROM audit_event WHERE action = 'API_CALL' AND actor = ? ORDER BY id
                        """)
                .param("api:" + client.name()).query(String.class).list();
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).contains("\"GET\"").contains("/api/v1/me").contains("200")
                .doesNotContain("330105195001011234").doesNotContain("?");
        assertThat(details.get(1)).contains("/api/v1/no-such-route").contains("404");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'API_TOKEN_ISSUED' AND actor = ?")
                .param("api:" + client.name()).query(Long.class).single()).isEqualTo(1);
        // a call is no user's login: no LOGIN line per call, and a bad token never reaches the audit log
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token + "x")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('LOGIN', 'LOGIN_FAILED')"
                        + " AND (actor = ? OR actor LIKE 'eyJ%')")
                .param("api:" + client.name()).query(Long.class).single()).isZero();
    }

    @Test
    void wrongMethodsAndUnknownPathsAreProblemsNotPages() throws Exception {
        Registered client = register(STREET, 600, "elders:read");
        String token = token(client.id(), client.secret());
        mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("Allow"));
        mvc.perform(get("/api/v1/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
