package org.yinling.system;

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
 * What a page weighs over the wire, through the real servlet container (MockMvc neither compresses nor runs the
 * container's filters): issue 20 §7, docs/performance.md "Page weight". Pages and static files are compressed, static
 * files come under URLs carrying a hash of their content and may be kept for a year, and the chart library (about
 * 600 KB) is loaded only by the page with charts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageWeightTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern APP_CSS = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");
    private static final Pattern BOOTSTRAP_JS =
            Pattern.compile("src=\"(/webjars/bootstrap/[0-9.]+/js/bootstrap\\.bundle\\.min-[0-9a-f]{32}\\.js)\"");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAreCompressedWhenTheBrowserAccepts() throws Exception {
        assertThat(get("/login", "gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
        logIn("district");
        HttpResponse<byte[]> page = get("/elders", "gzip, deflate, br");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // compressed, the page is a fraction of its text
        HttpResponse<byte[]> plain = get("/elders", "identity");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(page.body().length).isLessThan(plain.body().length / 3);
    }

    @Test
    void staticFilesHaveVersionedUrlsAndAreKeptForAYear() throws Exception {
        logIn("district");
        String page = new String(get("/elders", "identity").body(), StandardCharsets.UTF_8);
        Matcher css = APP_CSS.matcher(page);
        assertThat(css.find()).as("a versioned app.css in the page").isTrue();
        Matcher js = BOOTSTRAP_JS.matcher(page);
        assertThat(js.find()).as("a versioned webjar in the page").isTrue();

        for (String url : new String[] {css.group(1), js.group(1)}) {
            HttpResponse<byte[]> file = get(url, "gzip");
            assertThat(file.statusCode()).as(url).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(url)
                    .contains("max-age=31536000").contains("public").doesNotContain("no-store");
            assertThat(file.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
        }
        // the page itself is never kept
        assertThat(get("/login", "gzip").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void theChartLibraryIsLoadedOnlyWhereThereAreCharts() throws Exception {
        logIn("district");
        String elders = new String(get("/elders", "identity").body(), StandardCharsets.UTF_8);
        assertThat(elders).doesNotContain("echarts").doesNotContain("charts.js");
        String dashboard = new String(get("/dashboard", "identity").body(), StandardCharsets.UTF_8);
        assertThat(dashboard).containsPattern("/webjars/echarts/[0-9.]+/echarts\\.common\\.min-[0-9a-f]{32}\\.js");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Encoding", acceptEncoding).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void logIn(String username) throws Exception {
        Matcher csrf = CSRF.matcher(new String(get("/login", "identity").body(), StandardCharsets.UTF_8));
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=yinling&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
    }
}
