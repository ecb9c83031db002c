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
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coverage dashboard at city scale, as a manager over HTTP: the district page, a street (drill-down), a
 * community, and the monthly report page and .xlsx. Then the dashboard's count of elders 60+ is compared with a
 * count from scratch over the elder table, so the tallies behind the page are shown right at volume.
 *
 *   java -cp postgresql.jar bench/DashboardBench.java http://localhost:18080 jdbc:postgresql://... [RUNS]
 */
public class DashboardBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ELDERS_60 = Pattern.compile("id=\"headline-ELDERS_60\">([^<]*)<");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    DashboardBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        DashboardBench bench = new DashboardBench(args[0]);
        bench.logIn("manager", "yinling");
        System.out.println();
        System.out.println("| dashboard step | runs | p50 ms | p95 ms | max ms | target |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        String district = bench.time("district dashboard `/dashboard`", "/dashboard", runs, 300, "headline-ELDERS_60");
        bench.time("street drill-down `/dashboard/regions/330105001000`", "/dashboard/regions/330105001000", runs, 300,
                "headline-ELDERS_60");
        bench.time("community drill-down `/dashboard/regions/330105001001`", "/dashboard/regions/330105001001", runs, 300,
                "headline-ELDERS_60");
        bench.time("monthly report page `/reports/monthly`", "/reports/monthly", 5, 5000, "report-indicators");
        bench.time("monthly report .xlsx", "/reports/monthly.xlsx", 3, 5000, null);

        Matcher shown = ELDERS_60.matcher(district);
        if (!shown.find()) {
            throw new IllegalStateException("no elders 60+ on the dashboard");
        }
        long onPage = Long.parseLong(shown.group(1).replaceAll("[^0-9]", ""));
        try (Connection db = DriverManager.getConnection(args[1]); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM elder WHERE community_code LIKE '330105%' AND life_status = 'ACTIVE'
                       AND birth_date <= CAST(CURRENT_DATE - INTERVAL '60 years' AS date)""")) {
            rs.next();
            long fromScratch = rs.getLong(1);
            System.out.printf("%nelders 60+ on the dashboard: %,d; counted from scratch over the elder table: %,d: %s%n",
                    onPage, fromScratch, onPage == fromScratch ? "EQUAL" : "**DIFFERENT**");
        }
    }

    /** Times GET path (after 3 warm-up requests), checks each answer, prints a table row; returns the last answer. */
    private String time(String label, String path, int runs, double targetMs, String mustContain) throws Exception {
        String body = "";
        for (int i = 0; i < 3; i++) {
            body = get(path);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - begin) / 1e6;
            body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || mustContain != null && !body.contains(mustContain)) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        Arrays.sort(ms);
        double p95 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %s %.0f ms: %s |%n", label, runs, ms[runs / 2], p95,
                ms[runs - 1], runs >= 20 ? "p95 ≤" : "max ≤", targetMs,
                (runs >= 20 ? p95 : ms[runs - 1]) <= targetMs ? "PASS" : "**FAIL**");
        return body;
    }

    private void logIn(String username, String password) throws Exception {
        Matcher m = CSRF.matcher(get("/login"));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
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

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
