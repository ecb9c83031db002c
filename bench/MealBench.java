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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meal recording and monthly settlement at volume: a year of lunches for MEAL_ELDERS elders (default 50,000, about
 * 18 million rows) is written with SQL across 20 meal points (not timed), then, as district staff over HTTP, it times
 * recording a meal at the counter (one POST each, a new elder and meal every time, checked in the answer) and the
 * monthly settlement page of the busiest point.
 *
 *   java -cp postgresql.jar bench/MealBench.java http://localhost:18080 jdbc:postgresql://... [MEAL_ELDERS]
 */
public class MealBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int POINTS = 20;
    private static final int RUNS = 200;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    MealBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int elders = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        LocalDate today = LocalDate.now();
        try (Connection db = DriverManager.getConnection(args[1]); Statement s = db.createStatement()) {
            long start = System.nanoTime();
            s.execute("""
                    INSERT INTO meal_point (name, kind, community_code, serves_lunch, serves_dinner, licence_number,
                        licence_expires, demo, created_by, updated_by)
                    SELECT '基准测试食堂' || n, 'CANTEEN', c.code, TRUE, TRUE, 'BENCH-' || n, CURRENT_DATE + 365, TRUE,
                        'bench', 'bench'
                    FROM generate_series(1, %d) n
                    JOIN LATERAL (SELECT code FROM region WHERE level = 'COMMUNITY' AND code LIKE '330105%%'
                                  ORDER BY code OFFSET n - 1 LIMIT 1) c ON TRUE
                    """.formatted(POINTS));
            // a year of lunches for the first MEAL_ELDERS active elders, each at one point (50,000 × 365 ≈ 18 million)
            s.execute("""
                    INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                    SELECT e.id, p.id, d::date, 'LUNCH', CASE WHEN e.id %% 5 = 0 THEN 'DELIVERED' ELSE 'EAT_IN' END,
                        (SELECT c.id FROM meal_category c WHERE c.region_code IS NULL AND c.effective_from = DATE '2000-01-01'
                           AND c.position = CASE WHEN e.economic_status IN ('EXTREME_POVERTY', 'MINIMUM_LIVING') THEN 1
                             WHEN e.birth_date <= d::date - INTERVAL '80 years' THEN 2 ELSE 3 END), 'bench'
                    FROM (SELECT id, economic_status, birth_date, row_number() OVER (ORDER BY id) AS n FROM elder
                          WHERE life_status = 'ACTIVE' AND community_code LIKE '330105%%' ORDER BY id LIMIT %d) e
                    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM meal_point WHERE name LIKE '基准测试食堂%%') p
                      ON p.k = e.n %% %d
                    CROSS JOIN generate_series(CURRENT_DATE - 365, CURRENT_DATE - 1, INTERVAL '1 day') d
                    """.formatted(elders, POINTS));
            s.execute("ANALYZE meal");
            long meals = count(s, "SELECT count(*) FROM meal");
            System.out.printf("set-up: %,d meals for %,d elders at %d points in %.1f s%n", meals, elders, POINTS,
                    (System.nanoTime() - start) / 1e9);

            long busiest = count(s, """
                    SELECT meal_point_id FROM meal WHERE served_on >= date_trunc('month', CURRENT_DATE) - INTERVAL '1 month'
                    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""");
            List<long[]> todo = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT e.id, p.id FROM elder e CROSS JOIN LATERAL (SELECT id FROM meal_point
                        WHERE name LIKE '基准测试食堂%%' ORDER BY id LIMIT 1) p
                    WHERE e.life_status = 'ACTIVE' AND e.community_code LIKE '330105%%'
                    ORDER BY e.id DESC LIMIT %d""".formatted(RUNS + 30))) {
                while (rs.next()) {
                    todo.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }

            MealBench bench = new MealBench(base);
            bench.logIn("district", "yinling");
            bench.token = bench.csrf("/meal-points/" + todo.get(0)[1] + "/meals");
            double[] record = new double[RUNS];
            for (int i = 0; i < RUNS + 30; i++) {
                long[] t = todo.get(i);
                long begin = System.nanoTime();
                String answer = bench.post("/meal-points/" + t[1] + "/meals", "elderId=" + t[0] + "&meal=LUNCH&mode=EAT_IN");
                double ms = (System.nanoTime() - begin) / 1e6;
                if (!answer.contains("alert-success")) {
                    throw new IllegalStateException("meal not recorded for elder " + t[0]);
                }
                if (i >= 30) {
                    record[i - 30] = ms;
                }
            }
            String month = LocalDate.now().minusMonths(1).toString().substring(0, 7);
            double[] settle = new double[20];
            for (int i = 0; i < 25; i++) {
                long begin = System.nanoTime();
                String page = bench.get("/meal-points/" + busiest + "/settlement?month=" + month);
                double ms = (System.nanoTime() - begin) / 1e6;
                if (!page.contains("settlement-total")) {
                    throw new IllegalStateException("no settlement page");
                }
                if (i >= 5) {
                    settle[i - 5] = ms;
                }
            }
            long monthMeals = count(s, "SELECT count(*) FROM meal WHERE meal_point_id = " + busiest
                    + " AND served_on >= DATE '" + month + "-01' AND served_on < DATE '" + month + "-01' + INTERVAL '1 month'");
            Arrays.sort(record);
            Arrays.sort(settle);
            System.out.println();
            System.out.println("| meal step | runs | p50 ms | p95 ms | target |");
            System.out.println("|---|---:|---:|---:|---|");
            System.out.printf("| record a meal at the counter (%,d meals in the table) | %d | %.1f | %.1f | p95 < 100 ms: %s |%n",
                    meals, RUNS, record[RUNS / 2], record[RUNS * 95 / 100], record[RUNS * 95 / 100] < 100 ? "PASS" : "**FAIL**");
            System.out.printf("| monthly settlement of the busiest point (%,d meals in %s) | 20 | %.1f | %.1f | < 2 s: %s |%n",
                    monthMeals, month, settle[10], settle[19], settle[19] < 2000 ? "PASS" : "**FAIL**");
        }
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
            throw new IllegalStateException("login failed");
        }
    }

    private String post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }
}
