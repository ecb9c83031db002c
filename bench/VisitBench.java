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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visits at city scale (issue 19). Over all the demo elders: the demo's visit data are cleared, then, over HTTP, it
 * times the recompute of the whole roster from nothing (the administrator, every region) and again with nothing to
 * change, and the manager's dashboard with the visit tables empty (the visit rate reads nothing: "without"). Then
 * with SQL (not timed): one visitor per 100 rostered elders of a community, everyone rostered two years ago, two
 * years of visits (about VISITS, 1 in 10 not reaching the elder, the rest counted), the visit_month facts of the 25
 * months and the roster's visit facts. Then it times a visitor's due list, saving a visit, the dashboard again
 * ("with"), and the two visit-rate statements on their own.
 *
 *   java -cp postgresql.jar bench/VisitBench.java http://localhost:18080 jdbc:postgresql://... [VISITS]
 */
public class VisitBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int ELDERS_PER_VISITOR = 100;
    private static final int RUNS = 100;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    VisitBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long wanted = args.length > 2 ? Long.parseLong(args[2]) : 5_000_000L;
        LocalDate today = LocalDate.now(CHINA);
        LocalDate month = today.withDayOfMonth(1);
        try (Connection db = DriverManager.getConnection(args[1]); Statement s = db.createStatement()) {
            long elders = count(s, "SELECT count(*) FROM elder WHERE life_status = 'ACTIVE'");
            s.execute("DELETE FROM visit_action");
            s.execute("DELETE FROM visit_alert");
            s.execute("DELETE FROM visit");
            s.execute("DELETE FROM visit_month");
            s.execute("DELETE FROM visit_binding");
            s.execute("DELETE FROM visit_tier_raise");
            s.execute("DELETE FROM visit_major_event");
            s.execute("DELETE FROM visit_roster");
            s.execute("VACUUM ANALYZE visit_roster");
            s.execute("VACUUM ANALYZE visit_month");
            s.execute("VACUUM ANALYZE visit_rate_tally");

            VisitBench manager = new VisitBench(base);
            manager.logIn("manager", "yinling");
            double[] without = manager.dashboard();

            System.out.println();
            System.out.println("| visit step | runs | p50 ms | p95 ms | target |");
            System.out.println("|---|---:|---:|---:|---|");
            VisitBench admin = new VisitBench(base);
            admin.logIn("admin", "yinling");
            String token = admin.csrf("/visits/rules");
            long begin = System.nanoTime();
            admin.post("/visits/rules/recompute", "", token);
            double first = (System.nanoTime() - begin) / 1e9;
            long rostered = count(s, "SELECT count(*) FROM visit_roster WHERE left_on IS NULL");
            System.out.printf("| recompute the whole roster from nothing (%,d active elders, %,d rostered) | 1 | %.1f s | | ≤ 10 s: %s |%n",
                    elders, rostered, first, first <= 10 && rostered > 0 ? "PASS" : "**FAIL**");
            begin = System.nanoTime();
            admin.post("/visits/rules/recompute", "", token);
            double again = (System.nanoTime() - begin) / 1e9;
            System.out.printf("| recompute the whole roster again (nothing changes) | 1 | %.1f s | | ≤ 10 s: %s |%n",
                    again, again <= 10 ? "PASS" : "**FAIL**");

            begin = System.nanoTime();
            String visitor = setUp(s, today, wanted);
            long visits = count(s, "SELECT count(*) FROM visit");
            long facts = count(s, "SELECT count(*) FROM visit_month");
            System.out.printf("%nset-up (SQL, not timed): %,d visitors, %,d visits over two years, %,d visit_month rows in %.0f s%n%n",
                    count(s, "SELECT count(*) FROM app_user WHERE username LIKE 'bench.visitor.%'"), visits, facts,
                    (System.nanoTime() - begin) / 1e9);
            System.out.println("| visit step | runs | p50 ms | p95 ms | target |");
            System.out.println("|---|---:|---:|---:|---|");

            VisitBench field = new VisitBench(base);
            field.logIn(visitor, "yinling");
            double[] due = new double[RUNS];
            int listed = 0;
            for (int i = 0; i < RUNS + 10; i++) {
                long t = System.nanoTime();
                String page = field.get("/visits/due");
                double ms = (System.nanoTime() - t) / 1e6;
                if (!page.contains("/visits/due")) {
                    throw new IllegalStateException("no due list");
                }
                listed = page.split("data-elder=", -1).length - 1;
                if (i >= 10) {
                    due[i - 10] = ms;
                }
            }
            Arrays.sort(due);
            System.out.printf("| a visitor's due list (%d elders bound, %d due this week or overdue, %,d visits in the table) | %d | %.1f | %.1f | p95 < 100 ms: %s |%n",
                    ELDERS_PER_VISITOR, listed, visits, RUNS, due[RUNS / 2], due[RUNS * 95 / 100],
                    due[RUNS * 95 / 100] < 100 ? "PASS" : "**FAIL**");

            List<Long> bound = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT b.elder_id FROM visit_binding b JOIN app_user u ON u.id = b.visitor_id"
                    + " WHERE u.username = '" + visitor + "' ORDER BY b.elder_id")) {
                while (rs.next()) {
                    bound.add(rs.getLong(1));
                }
            }
            String fieldToken = field.csrf("/visits/elders/" + bound.get(0) + "/new");
            double[] save = new double[RUNS];
            long before = count(s, "SELECT count(*) FROM visit");
            for (int i = 0; i < RUNS; i++) {
                String form = "submissionKey=" + UUID.randomUUID() + "&visitedOn=" + today.minusDays(1)
                        + "&visitedTime=10:00&visitMode=HOME&reached=" + (i % 10 != 9)
                        + "&health=FINE&homeSafety=FINE&money=FINE&family=FINE&services=FINE&note=";
                long t = System.nanoTime();
                String answer = field.post("/visits/elders/" + bound.get(i % bound.size()), form, fieldToken);
                save[i] = (System.nanoTime() - t) / 1e6;
                if (!answer.startsWith("302")) {
                    throw new IllegalStateException("the visit was not saved: " + answer.substring(0, Math.min(300, answer.length())));
                }
            }
            long saved = count(s, "SELECT count(*) FROM visit") - before;
            Arrays.sort(save);
            System.out.printf("| save a visit (%d of %d saved) | %d | %.1f | %.1f | p95 < 100 ms: %s |%n", saved, RUNS,
                    RUNS, save[RUNS / 2], save[RUNS * 95 / 100],
                    save[RUNS * 95 / 100] < 100 && saved == RUNS ? "PASS" : "**FAIL**");

            double[] with = manager.dashboard();
            System.out.printf("| manager's dashboard `/dashboard`, visit tables empty (without the rate) | %d | %.0f | %.0f | |%n",
                    without.length, without[without.length / 2], without[without.length * 95 / 100]);
            double added = with[with.length * 95 / 100] - without[without.length * 95 / 100];
            System.out.printf("| manager's dashboard `/dashboard` with the visit rate (%,d visit_month rows) | %d | %.0f | %.0f | p95 + %.0f ms ≤ 50 ms: %s |%n",
                    facts, with.length, with[with.length / 2], with[with.length * 95 / 100], added,
                    added <= 50 ? "PASS" : "**FAIL**");

            // the two statements the rate adds, on their own (as FigureQueries runs them for the district)
            double[] rate = new double[RUNS];
            double[] unvisited = new double[RUNS];
            String since = month.minusMonths(2) + " 00:00:00+08";
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                count(s, "SELECT count(*) FROM (SELECT community_code, tier, sum(rostered), sum(visited) FROM visit_rate_tally"
                        + " WHERE month = DATE '" + month + "' AND community_code LIKE '330105%' GROUP BY 1, 2) x");
                rate[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                count(s, """
                        SELECT count(*) FROM (SELECT c.code,
                               (SELECT count(*) FROM visit_roster r WHERE r.community_code = c.code AND r.left_on IS NULL
                                  AND r.last_visit_at IS NULL AND r.rostered_on < DATE '%2$s')
                             + (SELECT count(*) FROM visit_roster r WHERE r.community_code = c.code AND r.left_on IS NULL
                                  AND r.last_visit_at < TIMESTAMPTZ '%1$s' AND r.rostered_on < DATE '%2$s')
                        FROM region c WHERE c.level = 'COMMUNITY' AND c.code LIKE '330105%%') x
                        """.formatted(since, month.minusMonths(1)));
                unvisited[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(rate);
            Arrays.sort(unvisited);
            System.out.printf("| the rate's statement alone (tally of the district's month) | %d | %.1f | %.1f | |%n", RUNS,
                    rate[RUNS / 2], rate[RUNS * 95 / 100]);
            System.out.printf("| the not-visited-in-three-months statement alone (%,d elders) | %d | %.1f | %.1f | |%n",
                    count(s, """
                            SELECT count(*) FROM visit_roster WHERE left_on IS NULL AND rostered_on < DATE '%2$s'
                              AND (last_visit_at IS NULL OR last_visit_at < TIMESTAMPTZ '%1$s')
                            """.formatted(since, month.minusMonths(1))), RUNS, unvisited[RUNS / 2], unvisited[RUNS * 95 / 100]);

            // the rate on the page against a count from scratch over the visits
            long scratchRostered = count(s, "SELECT count(*) FROM visit_month WHERE month = DATE '" + month + "' AND on_roster");
            long scratchVisited = count(s, """
                    SELECT count(DISTINCT r.elder_id) FROM visit_roster r JOIN visit v ON v.elder_id = r.elder_id
                    WHERE r.left_on IS NULL AND v.reached AND v.visited_on >= DATE '%s'
                    """.formatted(month));
            long tallied = count(s, "SELECT sum(visited) FROM visit_rate_tally WHERE month = DATE '" + month + "'");
            long talliedRoster = count(s, "SELECT sum(rostered) FROM visit_rate_tally WHERE month = DATE '" + month + "'");
            System.out.printf("%nthis month: %,d rostered, %,d visited (count from scratch over the visits: %,d rostered, %,d visited): %s%n",
                    talliedRoster, tallied, scratchRostered, scratchVisited,
                    tallied == scratchVisited && talliedRoster == scratchRostered ? "agree" : "**DISAGREE**");
        }
    }

    /** Visitors and bindings, everyone rostered two years ago, two years of visits, the months' facts. */
    private static String setUp(Statement s, LocalDate today, long wanted) throws Exception {
        LocalDate from = today.minusDays(731);
        s.execute("UPDATE visit_roster SET rostered_on = DATE '" + from + "' WHERE left_on IS NULL");
        s.execute("""
                CREATE TEMP TABLE bench_roster AS
                SELECT id, elder_id, community_code, tier,
                       (row_number() OVER (PARTITION BY community_code ORDER BY elder_id) - 1) / %d AS k
                FROM visit_roster WHERE left_on IS NULL
                """.formatted(ELDERS_PER_VISITOR));
        s.execute("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                SELECT DISTINCT 'bench.visitor.' || community_code || '.' || k, '探访员' || community_code || '-' || k,
                    (SELECT password_hash FROM app_user WHERE username = 'district'), 'VISITOR', community_code
                FROM bench_roster
                """);
        s.execute("""
                INSERT INTO visit_binding (elder_id, visitor_id, bound_by)
                SELECT b.elder_id, u.id, 'bench' FROM bench_roster b
                JOIN app_user u ON u.username = 'bench.visitor.' || b.community_code || '.' || b.k
                """);
        // steps of 7, 30 and 91 days by tier, stretched alike so that two years make about the visits wanted
        double perTwoYears = 0;
        try (ResultSet rs = s.executeQuery("SELECT tier, count(*) FROM bench_roster GROUP BY 1")) {
            while (rs.next()) {
                int step = switch (rs.getString(1)) {
                    case "HIGH" -> 7;
                    case "MEDIUM" -> 30;
                    default -> 91;
                };
                perTwoYears += rs.getLong(2) * 730.0 / step;
            }
        }
        double stretch = Math.max(perTwoYears / wanted, 0.05);
        s.execute("""
                INSERT INTO visit (elder_id, roster_id, community_code, visitor_id, visited_on, visited_at, mode, reached,
                                   health, home_safety, money, family, services, retry_on, submission_key, created_by)
                SELECT x.elder_id, x.id, x.community_code, x.visitor_id, x.day,
                       (x.day + time '09:00' + (x.elder_id %% 480) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai',
                       'HOME', x.reached,
                       CASE WHEN x.reached THEN 'FINE' END, CASE WHEN x.reached THEN 'FINE' END,
                       CASE WHEN x.reached THEN 'FINE' END, CASE WHEN x.reached THEN 'FINE' END,
                       CASE WHEN x.reached THEN 'FINE' END, CASE WHEN x.reached THEN NULL ELSE x.day + 2 END,
                       md5('bench-visit:' || x.elder_id || ':' || x.day)::uuid, 'bench'
                FROM (SELECT r.id, r.elder_id, r.community_code, b.visitor_id, d::date AS day,
                             (r.elder_id + extract(doy FROM d)::int) %% 10 <> 0 AS reached
                      FROM (SELECT *, greatest(1, round(CASE tier WHEN 'HIGH' THEN 7 WHEN 'MEDIUM' THEN 30 ELSE 91 END * %s))::int AS step
                            FROM bench_roster) r
                      JOIN visit_binding b ON b.elder_id = r.elder_id
                      CROSS JOIN LATERAL generate_series(DATE '%s' + (r.elder_id %% r.step)::int, DATE '%s',
                                                         make_interval(days => r.step)) d) x
                """.formatted(stretch, from.plusDays(1), today.minusDays(2)));
        s.execute("ANALYZE visit");
        s.execute("""
                UPDATE visit_roster r SET last_visit_at = x.last_visit_at,
                       retry_on = CASE WHEN x.last_attempt_at > coalesce(x.last_visit_at, '-infinity') THEN x.retry END
                FROM (SELECT v.roster_id, max(v.visited_at) FILTER (WHERE v.reached) AS last_visit_at,
                             max(v.visited_at) FILTER (WHERE NOT v.reached) AS last_attempt_at, max(v.retry_on) AS retry
                      FROM visit v GROUP BY v.roster_id) x
                WHERE r.id = x.roster_id
                """);
        s.execute("DELETE FROM visit_month");
        s.execute("""
                INSERT INTO visit_month (month, elder_id, community_code, tier, on_roster, counted_visits)
                SELECT m.month, r.elder_id, r.community_code, r.tier, TRUE, coalesce(v.n, 0)
                FROM bench_roster r
                CROSS JOIN (SELECT CAST(g AS date) AS month
                            FROM generate_series(date_trunc('month', DATE '%s'), DATE '%s', interval '1 month') g) m
                LEFT JOIN (SELECT elder_id, CAST(date_trunc('month', visited_on) AS date) AS month, count(*) AS n
                           FROM visit WHERE reached GROUP BY 1, 2) v ON v.elder_id = r.elder_id AND v.month = m.month
                """.formatted(from, today));
        s.execute("VACUUM ANALYZE visit_roster");
        s.execute("VACUUM ANALYZE visit_month");
        s.execute("VACUUM ANALYZE visit_rate_tally");
        s.execute("ANALYZE visit_binding");
        try (ResultSet rs = s.executeQuery("""
                SELECT u.username FROM app_user u JOIN visit_binding b ON b.visitor_id = u.id
                WHERE u.username LIKE 'bench.visitor.%' GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1
                """)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The manager's district dashboard, 25 times; the last 20 sorted. */
    private double[] dashboard() throws Exception {
        double[] times = new double[20];
        for (int i = 0; i < 25; i++) {
            long t = System.nanoTime();
            String page = get("/dashboard");
            double ms = (System.nanoTime() - t) / 1e6;
            if (!page.contains("data-indicator=\"VISIT_RATE\"")) {
                throw new IllegalStateException("the dashboard shows no visit rate");
            }
            if (i >= 5) {
                times[i - 5] = ms;
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void logIn(String username, String password) throws Exception {
        String login = csrf("/login");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + URLEncoder.encode(login, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed for " + username);
        }
    }

    private String post(String path, String form, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.statusCode() + response.body();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }
}
