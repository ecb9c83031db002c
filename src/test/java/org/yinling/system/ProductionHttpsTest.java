package org.yinling.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penetration test finding M2: under {@code prod} behind a TLS proxy the session cookie had no {@code Secure}
 * attribute, no Strict-Transport-Security header was sent and redirects went to {@code http://}. This runs the real
 * {@code prod} profile (application-prod.properties) in a real servlet container, overriding only what prod does about
 * the database (the embedded one here), and talks to it as the proxy does: plain HTTP from a local address with
 * {@code X-Forwarded-Proto: https}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yinling.db.embedded.enabled=true")
@ActiveProfiles("prod")
class ProductionHttpsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void behindTheTlsProxyTheCookieIsSecureHstsIsSentAndRedirectsStayOnHttps() throws Exception {
        String username = "https" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, 'Test', ?, 'DISTRICT_STAFF', '330105000000')
                        """)
                .params(username, passwordEncoder.encode("Correct123")).update();

        // a page that needs a login: to the login page, on https
        HttpResponse<String> protectedPage = send(request("/elders", null).GET());
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertKeepsHttps(protectedPage, "/login");
        assertThat(protectedPage.headers().firstValue("Strict-Transport-Security")).as("HSTS")
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        String session = sessionCookie(protectedPage);

        // the login page: HSTS, and the session cookie is Secure
        HttpResponse<String> loginPage = send(request("/login", session).GET());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isPresent();
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();

        // the login: back to the page asked for, on https, with a new session whose cookie is Secure
        String form = "username=" + username + "&password=Correct123&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(request("/login", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertKeepsHttps(login, "/elders");
        String signedIn = sessionCookie(login);
        assertThat(signedIn).isNotEqualTo(session);
        assertThat(send(request("/elders", signedIn).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSecureEvenWhenTheProxySaysNothing() throws Exception {
        // server.servlet.session.cookie.secure=true of the prod profile holds on its own
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        sessionCookie(page);
    }

    private HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-Proto", "https");
        return session == null ? builder : builder.header("Cookie", "SESSION=" + session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The redirect goes to {@code path}, either relative (keeping the scheme) or absolute on https: never http. */
    private static void assertKeepsHttps(HttpResponse<String> response, String path) {
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("Location").doesNotStartWith("http:");
        if (location.contains("://")) {
            assertThat(URI.create(location).getScheme()).as(location).isEqualTo("https");
        }
        assertThat(URI.create(location).getPath()).as(location).isEqualTo(path);
    }

    /** The value of the SESSION cookie the response sets, which must be Secure and HttpOnly. */
    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION=")).toList();
        assertThat(cookies).as("Set-Cookie SESSION").hasSize(1);
        String cookie = cookies.get(0);
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertThat(attributes).as(cookie).contains("Secure", "HttpOnly");
        Matcher value = SESSION.matcher(cookie);
        assertThat(value.find()).isTrue();
        return value.group(1);
    }
}
