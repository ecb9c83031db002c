package org.yinling.system;

import java.util.Set;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.account.ApiCaller;
import org.yinling.account.ApiCallerAuthentication;
import org.yinling.region.RegionLevel;

/**
 * The one way a MockMvc test calls the API as a client without a token: {@code get("/api/v1/me").with(client(...))}
 * sets the authentication a checked bearer token gives (an {@link ApiCaller} with its scopes). Token issuance and
 * checking have their own tests.
 */
public final class TestApiClients {

    private TestApiClients() {
    }

    /** A client of the region {@code regionCode} (12 digits) at {@code level}, with {@code scopes}. */
    public static RequestPostProcessor client(String name, String regionCode, RegionLevel level, String... scopes) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                new ApiCallerAuthentication(new ApiCaller(-1, name, regionCode, level, Set.of(scopes))));
    }

    /** A client of the demo district (330105000000) with {@code scopes}. */
    public static RequestPostProcessor districtClient(String... scopes) {
        return client("test-district-client", "330105000000", RegionLevel.DISTRICT, scopes);
    }
}
