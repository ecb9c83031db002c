package org.yinling.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 through a real servlet container (MockMvc renders no error pages and sends no Host header): the 400 page
 * for a NUL byte, the export that fails closed when its audit row cannot be written (H1), {@code /error} opened
 * directly (L5), and redirects that never carry the Host header the client sent (info).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String EVIL_HOST = "evil.example";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final CookieManager cookies = new CookieManager();
    private HttpResponse<String> lastLogin;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aNulByteInTheExportIsTheBadRequestPageAndNoFile() throws Exception {
        logIn("district", "yinling");
        int before = exports();
        for (String query : java.util.List.of("fullIds=true&sort=%00", "fullIds=true&street=%00", "community=x%00")) {
            HttpResponse<String> answer = get("/elders/export?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Disposition")).as(query).isEmpty();
            assertThat(answer.headers().firstValue("Content-Type")).as(query)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).as(query).contains("请求无法处理").doesNotStartWith("PK");
        }
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void anExportWhoseAuditRowFailsSendsNoFileButTheErrorPage() throws Exception {
        String username = "h1audit" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, '导出审计失败测试', ?, 'DISTRICT_STAFF', '330105000000')
                        """)
                .params(username, passwordEncoder.encode("Secret123")).update();
        logIn(username, "Secret123");
        // the database refuses this user's export audit rows, as it refused the rows carrying U+0000
        String constraint = "refuse_" + username;
        jdbc.sql("ALTER TABLE audit_event ADD CONSTRAINT " + constraint
                + " CHECK (NOT (actor = '" + username + "' AND action = 'ELDERS_EXPORTED')) NOT VALID").update();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(HttpRequest.newBuilder(uri("/elders/export?fullIds=true&purpose=x"))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        finally {
            jdbc.sql("ALTER TABLE audit_event DROP CONSTRAINT " + constraint).update();
        }
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(body).doesNotStartWith("PK").contains("系统出错了").doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'ELDERS_EXPORTED'")
                .param(username).query(Integer.class).single()).isZero();
        // and with the audit working again the same export goes out, audited
        HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(uri("/elders/export?fullIds=true&purpose=x")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'ELDERS_EXPORTED'")
                .param(username).query(Integer.class).single()).isOne();
    }

    @Test
    void theErrorPathOpenedDirectlyIsTheNotFoundPage() throws Exception {
        HttpResponse<String> anonymous = get("/error");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("页面或记录不存在").doesNotContain("系统出错了");
        logIn("district", "yinling");
        HttpResponse<String> loggedIn = get("/error");
        assertThat(loggedIn.statusCode()).isEqualTo(404);
        assertThat(loggedIn.body()).contains("页面或记录不存在");
    }

    @Test
    void redirectsDoNotCarryTheHostHeaderTheClientSent() throws Exception {
        // the login page for a visitor who is not logged in (Spring Security)
        String toLogin = rawGet("/elders", null);
        assertThat(toLogin).startsWith("HTTP/1.1 302");
        assertThat(location(toLogin)).startsWith("/login").doesNotContain(EVIL_HOST);
        // a redirect of a page (Spring MVC's "redirect:"): the login page for someone logged in sends them home
        logIn("district", "yinling");
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SecurityConfiguration.SESSION_COOKIE)).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
        String home = rawGet("/login", session);
        assertThat(home).startsWith("HTTP/1.1 302");
        assertThat(location(home)).isEqualTo("/").doesNotContain(EVIL_HOST);
    }

    @Test
    void afterLoginTheSavedPageIsReachedOnThisSiteNotOnTheHostTheClientSent() throws Exception {
        // a visitor asks for a page with the attacker's Host header: the page is saved in the new session
        String toLogin = rawGet("/elders?q=1", null);
        String session = setCookie(toLogin);
        cookies.getCookieStore().add(uri("/"), sessionCookie(session));
        logIn("district", "yinling");
        HttpResponse<String> after = lastLogin;
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain(EVIL_HOST).startsWith("/elders"));
    }

    private static String setCookie(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11) && line.contains(SecurityConfiguration.SESSION_COOKIE + "=")) {
                String value = line.substring(line.indexOf('=') + 1);
                return value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';'));
            }
        }
        throw new AssertionError("no session cookie in " + head);
    }

    private static HttpCookie sessionCookie(String value) {
        HttpCookie cookie = new HttpCookie(SecurityConfiguration.SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    /** A GET with the attacker's Host header (Java's HttpClient does not let a request set it), the answer's head. */
    private String rawGet(String path, String session) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + EVIL_HOST + "\r\nAccept: text/html\r\n"
                    + (session == null ? "" : "Cookie: " + SecurityConfiguration.SESSION_COOKIE + "=" + session + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    private static String location(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                return line.substring(9).strip();
            }
        }
        throw new AssertionError("no Location in " + head);
    }

    private void logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get("/login");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        lastLogin = response;
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDERS_EXPORTED'").query(Integer.class).single();
    }
}
