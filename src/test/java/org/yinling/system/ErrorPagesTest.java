package org.yinling.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages through a real servlet container (MockMvc does not render them): 403 and 404 are friendly pages in
 * the user's language, never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void forbiddenPageInChineseAndEnglish() throws Exception {
        logIn("street");
        HttpResponse<String> page = get("/admin/users");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("无权访问").doesNotContain("Exception");
        HttpResponse<String> english = get("/admin/users?lang=en");
        assertThat(english.body()).contains("Access denied");
    }

    @Test
    void missingRecordIsANotFoundPage() throws Exception {
        logIn("admin");
        HttpResponse<String> page = get("/admin/users/987654/edit");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面或记录不存在").doesNotContain("Exception").doesNotContain("at org.");
        HttpResponse<String> badId = get("/admin/users/not-a-number/edit");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("请求无法处理").doesNotContain("NumberFormatException");
    }

    @Test
    void anOversizedUploadIsRefused() throws Exception {
        logIn("district");
        Matcher csrf = CSRF.matcher(get("/elders/import").body());
        assertThat(csrf.find()).isTrue();
        String boundary = "----yinling" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(content, (byte) 'a');
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/elders/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Tomcat refuses the body while Spring Security reads the CSRF field, before any page of ours runs, so
        // the browser-side check in app.js is what shows the user the limit; here: refused, nothing stored
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndTheLoginChangesIt() throws Exception {
        HttpResponse<String> loginPage = get("/login");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String before = loginPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=yinling&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String after = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(after).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(after.substring(0, after.indexOf(';'))).isNotEqualTo(before.substring(0, before.indexOf(';')));
    }

    @Test
    void errorPagesCarryTheSecurityHeaders() throws Exception {
        logIn("street");
        // 403 (route of another role), 404 (no such record, no such page), 400 (malformed id), 413 is in
        // anOversizedUploadIsRefused: Tomcat answers that one before our filters run
        for (String path : java.util.List.of("/admin/users", "/elders/987654321", "/no/such/page", "/elders/abc")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(page.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    private void logIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get("/login");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=yinling&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // as a browser asks: for HTML (without it Spring Boot answers errors in JSON)
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
