import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What the pages weigh over the wire and how long the largest institution's page takes (issue 20 §7), as district
 * staff over HTTP against a running app:
 *
 *   java -cp postgresql.jar bench/PageWeightBench.java http://localhost:18080 jdbc:postgresql://... [RUNS]
 *
 * Every page of the menu, plus an elder's page, the dashboard and the institution with the most beds, is fetched the
 * way a browser asks for it (Accept-Encoding: gzip): the bytes on the wire are the page's compressed body (headers
 * not counted). A page after the first brings only its HTML, since the static files it names have versioned URLs
 * and are cached for a year (Cache-Control checked here); the first page of a visit also brings those files, also
 * compressed, reported apart. Target: every page after the first ≤ 300 KB over the wire; the institution page
 * < 300 ms (p95 over RUNS runs, default 30, after 5 warm-up runs).
 */
public class PageWeightBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern MENU = Pattern.compile("<a class=\"(?:nav-link[^\"]*|dropdown-item)\" href=\"(/[^\"#]*)\"");
    private static final Pattern STATIC = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");
    private static final long PAGE_LIMIT = 300 * 1024;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    PageWeightBench(String base) {
        this.base = base;
    }

    record Fetched(int status, long wire, long html, String body, String encoding, String cacheControl, double ms) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        PageWeightBench bench = new PageWeightBench(base);
        bench.logIn("district", "yinling");

        long elderId;
        long institutionId;
        long institutionBeds;
        long occupied;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id FROM elder WHERE community_code LIKE '330105%' ORDER BY id LIMIT 1")) {
                rs.next();
                elderId = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT b.institution_id, count(*), count(st.id) FROM bed b
                    LEFT JOIN stay st ON st.bed_id = b.id AND st.ended_on IS NULL
                    GROUP BY b.institution_id ORDER BY count(*) DESC, b.institution_id LIMIT 1""")) {
                rs.next();
                institutionId = rs.getLong(1);
                institutionBeds = rs.getLong(2);
                occupied = rs.getLong(3);
            }
        }

        Fetched home = bench.fetch("/");
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/");
        Matcher menu = MENU.matcher(home.body());
        while (menu.find()) {
            pages.add(menu.group(1).replace("&amp;", "&"));
        }
        pages.add("/elders/" + elderId);
        pages.add("/dashboard");
        pages.add("/institutions/" + institutionId);

        System.out.println();
        System.out.printf("Page weight as district staff (%d pages: the menu, an elder, the dashboard, the institution with the most beds, %,d of them, %,d occupied)%n",
                pages.size(), institutionBeds, occupied);
        System.out.println();
        System.out.println("| page | HTTP | HTML KB | on the wire KB (gzip) | static files of a first visit, KB on the wire | page ≤ 300 KB |");
        System.out.println("|---|--:|--:|--:|--:|:-:|");
        int fails = 0;
        long heaviest = 0;
        String heaviestPage = "";
        for (String page : pages) {
            Fetched f = bench.fetch(page);
            long statics = 0;
            Matcher st = STATIC.matcher(f.body());
            Set<String> files = new LinkedHashSet<>();
            while (st.find()) {
                files.add(st.group(1));
            }
            for (String file : files) {
                Fetched s = bench.fetch(file);
                if (s.status() != 200 || !s.cacheControl().contains("max-age=31536000")) {
                    throw new IllegalStateException(file + ": HTTP " + s.status() + ", Cache-Control " + s.cacheControl());
                }
                statics += s.wire();
            }
            boolean pass = f.status() == 200 && f.wire() <= PAGE_LIMIT;
            fails += pass ? 0 : 1;
            if (f.wire() > heaviest) {
                heaviest = f.wire();
                heaviestPage = page;
            }
            System.out.printf("| `%s` | %d | %.1f | %.1f%s | %.1f (%d files) | %s |%n", page, f.status(), f.html() / 1024.0,
                    f.wire() / 1024.0, "gzip".equals(f.encoding()) ? "" : " (not compressed)", statics / 1024.0,
                    files.size(), pass ? "PASS" : "**FAIL**");
        }
        System.out.println();
        System.out.printf("%d of %d pages over 300 KB on the wire (or not 200); the heaviest: `%s`, %.1f KB.%n", fails,
                pages.size(), heaviestPage, heaviest / 1024.0);

        // the institution page's time, whole HTML received, compressed as a browser asks; the home page (no SQL)
        // alternates with it as the baseline of the machine's state (a page's fixed cost, and the load)
        String path = "/institutions/" + institutionId;
        for (int i = 0; i < 5; i++) {
            bench.fetch(path);
            bench.fetch("/");
        }
        double[] ms = new double[runs];
        double[] baseline = new double[runs];
        long wire = 0;
        for (int i = 0; i < runs; i++) {
            Fetched f = bench.fetch(path);
            if (f.status() != 200 || !f.body().contains("id=\"beds-table\"")) {
                throw new IllegalStateException(path + " answered " + f.status());
            }
            ms[i] = f.ms();
            wire = f.wire();
            baseline[i] = bench.fetch("/").ms();
        }
        Arrays.sort(ms);
        Arrays.sort(baseline);
        System.out.println();
        System.out.printf("Load average before timing: %s%n", loadAverage());
        System.out.println();
        System.out.println("| page | beds | runs | p50 ms | p95 ms | max ms | KB on the wire | target |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|---|");
        System.out.printf("| `%s` | %,d | %d | %.0f | %.0f | %.0f | %.1f | < 300 ms: %s |%n", path, institutionBeds, runs,
                percentile(ms, 0.50), percentile(ms, 0.95), ms[runs - 1], wire / 1024.0,
                percentile(ms, 0.95) < 300 ? "PASS" : "FAIL");
        System.out.printf("| baseline: `/` (no SQL) | | %d | %.0f | %.0f | %.0f | | |%n", runs, percentile(baseline, 0.50),
                percentile(baseline, 0.95), baseline[runs - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        }
        catch (java.io.IOException e) {
            return "?";
        }
    }

    private Fetched fetch(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,*/*").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        byte[] body = response.body();
        byte[] text = "gzip".equals(encoding)
                ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
        return new Fetched(response.statusCode(), body.length, text.length, new String(text, StandardCharsets.UTF_8),
                encoding, response.headers().firstValue("Cache-Control").orElse(""), ms);
    }

    private void logIn(String username, String password) throws Exception {
        Matcher m = CSRF.matcher(fetch("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed");
        }
    }
}
