import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the subsidy policy pages of a running Yinling at city size (docs/performance.md, "Subsidies: preview and
 * automatic enrolment"): the preview page of the demo policies GAOLING and JUJIA (p50/p95 over RUNS requests after
 * warm-up, target under 1 s), the policy simulation of GAOLING with its lower age 80 → 75 (p50/p95 over RUNS posts,
 * target at most 2 s), and one automatic enrolment run of GAOLING (target at most 60 s from the click until the run
 * has finished; it runs in the background and is followed in the database) and a second run, which must create
 * nothing. Logs in over HTTP as {@code district} (and as {@code manager} for the simulation); counts come from the
 * database. Normally started by {@code bench/run.sh} after the other steps:
 *
 * <pre>
 * java -cp postgresql-42.x.jar bench/SubsidyBench.java BASE_URL JDBC_URL [RUNS]
 * </pre>
 *
 * Exits non-zero on errors (login refused, a page not 200, a second run creating applications); a missed target is
 * marked FAIL in the report.
 */
public class SubsidyBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PREVIEW_TOTAL = Pattern.compile("id=\"preview-total-elders\">([0-9]+)<");
    private static final Pattern SIMULATION_TOTAL = Pattern.compile(
            "id=\"simulation-total\"[^>]*>.*?simulation-before\">([0-9]+)<.*?simulation-after\">([0-9]+)<", Pattern.DOTALL);
    private static final int WARMUP = 5;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    SubsidyBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SubsidyBench bench = new SubsidyBench(base);
        bench.logIn("district", "yinling");
        LocalDate today = LocalDate.now();
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            long elders = single(db, "SELECT count(*) FROM elder WHERE community_code LIKE '330105%'");
            long gaoling = single(db, "SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'");
            long jujia = single(db, "SELECT id FROM subsidy_policy WHERE code = 'JUJIA' AND status = 'PUBLISHED'");

            List<String> rows = new ArrayList<>();
            for (long id : new long[] {gaoling, jujia}) {
                String code = id == gaoling ? "GAOLING" : "JUJIA";
                String path = "/subsidies/policies/" + id + "/preview?on=" + today;
                long qualifying = 0;
                for (int i = 0; i < WARMUP; i++) {
                    qualifying = bench.previewTotal(path);
                }
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    qualifying = bench.previewTotal(path);
                    times.add(millis(start));
                }
                Collections.sort(times);
                double p50 = percentile(times, 50);
                double p95 = percentile(times, 95);
                rows.add("| preview %s (%,d qualify) | %d | %.0f | %.0f | %.0f | < 1 s: %s |".formatted(code, qualifying,
                        runs, p50, p95, times.get(times.size() - 1), p95 < 1000 ? "PASS" : "FAIL"));
            }
            rows.add(simulation(base, gaoling, runs));

            long before = single(db, "SELECT count(*) FROM subsidy_application WHERE policy_code = 'GAOLING'");
            long start = System.nanoTime();
            int status = bench.post("/subsidies/policies/" + gaoling + "/enrol", "/subsidies/policies/" + gaoling);
            double firstResponse = millis(start);
            long firstRun = awaitRun(db);
            double first = millis(start) / 1000;
            double firstStatement = single(db, "SELECT millis FROM subsidy_enrolment_run WHERE id = " + firstRun) / 1000.0;
            long afterFirst = single(db, "SELECT count(*) FROM subsidy_application WHERE policy_code = 'GAOLING'");
            long decisions = single(db, """
                    SELECT count(*) FROM subsidy_decision d JOIN subsidy_application a ON a.id = d.application_id
                    WHERE a.policy_code = 'GAOLING' AND a.source = 'AUTOMATIC'""");
            start = System.nanoTime();
            int secondStatus = bench.post("/subsidies/policies/" + gaoling + "/enrol", "/subsidies/policies/" + gaoling);
            long secondRun = awaitRun(db);
            double second = millis(start) / 1000;
            if (secondRun == firstRun) {
                throw new IllegalStateException("the second run did not start");
            }
            long afterSecond = single(db, "SELECT count(*) FROM subsidy_application WHERE policy_code = 'GAOLING'");
            if (status != 302 || secondStatus != 302) {
                throw new IllegalStateException("enrolment answered " + status + " / " + secondStatus);
            }
            if (afterSecond != afterFirst) {
                throw new IllegalStateException("the second run created " + (afterSecond - afterFirst));
            }
            if (decisions != afterFirst - before) {
                throw new IllegalStateException(decisions + " decisions for " + (afterFirst - before) + " applications");
            }

            System.out.println();
            System.out.printf("Elders in the demo district: %,d; evaluated on %s.%n%n", elders, today);
            System.out.println("| subsidy step | runs | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println("| automatic enrolment of GAOLING | applications created | decisions | seconds (click to report) | statement s | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            System.out.printf("| first run (request answered in %.0f ms) | %,d | %,d | %.1f | %.1f | ≤ 60 s: %s |%n",
                    firstResponse, afterFirst - before, decisions, first, firstStatement, first <= 60 ? "PASS" : "FAIL");
            System.out.printf("| second run | %,d | | %.1f | | creates 0: %s |%n", afterSecond - afterFirst, second,
                    afterSecond == afterFirst ? "PASS" : "FAIL");
        }
    }

    /**
     * The policy simulation as a manager: GAOLING with its lower age 80 → 75 (eligibility and first tier) over the
     * whole district, posted RUNS times after warm-up; one SQL pass compares both rules per street (target ≤ 2 s).
     */
    private static String simulation(String base, long gaoling, int runs) throws Exception {
        SubsidyBench manager = new SubsidyBench(base);
        manager.logIn("manager", "yinling");
        String path = "/subsidies/simulation/" + gaoling;
        String token = manager.csrf(path);
        long[] counts = null;
        for (int i = 0; i < WARMUP; i++) {
            counts = manager.simulate(path, token);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            counts = manager.simulate(path, token);
            times.add(millis(start));
        }
        Collections.sort(times);
        double p95 = percentile(times, 95);
        return "| simulation GAOLING 80 → 75 (%,d → %,d qualify) | %d | %.0f | %.0f | %.0f | ≤ 2 s: %s |".formatted(
                counts[0], counts[1], runs, percentile(times, 50), p95, times.get(times.size() - 1),
                p95 <= 2000 ? "PASS" : "FAIL");
    }

    /** Posts the simulation form of GAOLING with the lower age 75; the total qualifying now and changed. */
    private long[] simulate(String path, String token) throws Exception {
        String form = String.join("&",
                "connective=AND", "groups[0].connective=AND",
                "groups[0].criteria[0].attribute=LIFE_STATUS", "groups[0].criteria[0].operator=EQ",
                "groups[0].criteria[0].choices=LIFE_STATUS:ACTIVE",
                "groups[0].criteria[1].attribute=HUKOU_LOCAL", "groups[0].criteria[1].operator=EQ",
                "groups[0].criteria[1].choices=HUKOU_LOCAL:true",
                "groups[0].criteria[2].attribute=AGE", "groups[0].criteria[2].operator=GE",
                "groups[0].criteria[2].value=75",
                "amountMode=TIERS",
                "tiers[0].attribute=AGE", "tiers[0].operator=BETWEEN", "tiers[0].value=75", "tiers[0].value2=89",
                "tiers[0].amount=100",
                "tiers[1].attribute=AGE", "tiers[1].operator=BETWEEN", "tiers[1].value=90", "tiers[1].value2=99",
                "tiers[1].amount=500",
                "tiers[2].attribute=AGE", "tiers[2].operator=GE", "tiers[2].value=100", "tiers[2].amount=800");
        String body = form.replace("[", "%5B").replace("]", "%5D").replace(":", "%3A")
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = SIMULATION_TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " without a simulation");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** Waits until the latest run of GAOLING is no longer RUNNING; its id (fails unless it is DONE). */
    private static long awaitRun(Connection db) throws Exception {
        for (int i = 0; i < 6_000; i++) {
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT id, state FROM subsidy_enrolment_run WHERE policy_code = 'GAOLING' ORDER BY id DESC LIMIT 1""");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next() && !rs.getString(2).equals("RUNNING")) {
                    if (!rs.getString(2).equals("DONE")) {
                        throw new IllegalStateException("enrolment run " + rs.getLong(1) + " ended " + rs.getString(2));
                    }
                    return rs.getLong(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("enrolment still running after 10 minutes");
    }

    private long previewTotal(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = PREVIEW_TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " without a preview");
        }
        return Long.parseLong(m.group(1));
    }

    private void logIn(String username, String password) throws Exception {
        String token = csrf("/login");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed");
        }
    }

    private int post(String path, String formPage) throws Exception {
        String token = csrf(formPage);
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String csrf(String path) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    private static long single(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
