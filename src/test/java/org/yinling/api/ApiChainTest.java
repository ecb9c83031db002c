package org.yinling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestApiClients.districtClient;
import static org.yinling.system.TestUsers.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

/** The API's own chain: a client sees itself; no token is a 401 problem, never the login page nor a session. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiChainTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aClientSeesItsNameRegionAndScopes() throws Exception {
        mvc.perform(get("/api/v1/me").with(districtClient("statistics:read", "elders:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client").value("test-district-client"))
                .andExpect(jsonPath("$.region").value("330105000000"))
                .andExpect(jsonPath("$.scopes[0]").value("elders:read"))
                .andExpect(jsonPath("$.scopes[1]").value("statistics:read"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    /** The pages' ?lang= sets a cookie; an API call keeps to Accept-Language and sets nothing. */
    @Test
    void aLanguageParameterSetsNoCookieOnTheApi() throws Exception {
        mvc.perform(get("/api/v1/me").param("lang", "en").with(districtClient("elders:read")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void withoutATokenTheAnswerIsAProblemDetailNotTheLoginPage() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(
                        "A valid access token is missing, or it has expired or been revoked."));
    }

    @Test
    void aSignedInBrowsersSessionAuthenticatesNoApiCall() throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user("district").password("yinling"))
                .andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/elders").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aUserAuthenticationIsNoApiCaller() throws Exception {
        mvc.perform(get("/api/v1/me").with(as("district"))).andExpect(status().isForbidden());
    }
}
