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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the generation of a month's payment batch at full size against a hand-written INSERT … SELECT that computes
 * the same lines in the same run.
 *
 *   java -cp postgresql.jar bench/PaymentBench.java http://localhost:18080 jdbc:postgresql://...
 *
 * Set-up (not timed): every elder who qualifies for the demo policies GAOLING (高龄津贴: active, local, 80+;
 * 80–89 → 100, 90–99 → 500, 100+ → 800) and JUJIA (居家养老服务补贴: active, 65+, alone, income < 490 → 160) gets an
 * approved application and an active entitlement starting next month, written with SQL. Then, as district staff
 * over HTTP, the batch of next month is generated (timed from the request until the batch is GENERATED), and the
 * same lines are computed by one hand-written statement into payment_line itself (same indexes and foreign keys),
 * for a scratch batch a year later, and rolled back. Both results are compared by line count and total.
 */
public class PaymentBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String TIER_AMOUNT = """
            CASE WHEN p.code = 'JUJIA' THEN 160
                 WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '100 years' THEN 800
                 WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '90 years' THEN 500
                 ELSE 100 END""";
    private static final String TIER_INDEX = """
            CASE WHEN p.code = 'JUJIA' THEN 0
                 WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '100 years' THEN 2
                 WHEN e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '90 years' THEN 1
                 ELSE 0 END""";
    private static final String ELIGIBLE = """
            e.life_status = 'ACTIVE' AND (
                (p.code = 'GAOLING' AND e.hukou_local AND e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '80 years')
             OR (p.code = 'JUJIA' AND e.living_arrangement = 'ALONE' AND e.income_per_person < 490
                 AND e.birth_date <= (CAST(:month AS date) - 1) - INTERVAL '65 years'))""";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    PaymentBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        LocalDate month = YearMonth.now().plusMonths(1).atDay(1);
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            long setUp = System.nanoTime();
            int entitlements = entitle(db, month);
            System.out.printf("set-up: %,d entitlements of the demo policies from %s in %.1f s%n", entitlements,
                    month, seconds(setUp));

            PaymentBench bench = new PaymentBench(base);
            bench.logIn("district", "yinling");
            long start = System.nanoTime();
            long batchId = bench.createBatch(month);
            awaitGenerated(db, batchId);
            double app = seconds(start);
            long[] appLines = totals(db, "SELECT count(*), sum(amount) FROM payment_line WHERE batch_id = " + batchId);

            // the same lines into payment_line itself (same indexes, same foreign keys), for a scratch batch a year
            // later so that the once-per-month index does not meet the app's lines; rolled back afterwards
            db.setAutoCommit(false);
            long scratch;
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery(named("""
                         INSERT INTO payment_batch (region_code, month, state, generated_by)
                         VALUES ('330105000000', CAST(:month AS date) + INTERVAL '1 year', 'GENERATING', 'bench')
                         RETURNING id""", month))) {
                rs.next();
                scratch = rs.getLong(1);
            }
            long handStart = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement(named("""
                    INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                        elder_name, resident_id, community_code, policy_version, tier_index, amount, payee_bank,
                        payee_account, reference)
                    SELECT %d, en.id, en.elder_id, en.policy_id, en.policy_code,
                        CAST(CAST(:month AS date) + INTERVAL '1 year' AS date), 'REGULAR', e.name,
                        e.resident_id, e.community_code, p.version, %s, %s, en.payee_bank, en.payee_account,
                        'H-' || en.id
                    FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id JOIN subsidy_policy p ON p.id = en.policy_id
                    WHERE en.start_month <= CAST(:month AS date) AND (en.end_month IS NULL OR en.end_month >= CAST(:month AS date))
                      AND (e.life_status = 'ACTIVE' OR e.life_status_date >= CAST(:month AS date))
                      AND e.community_code LIKE '330105%%'
                    """.formatted(scratch, TIER_INDEX, TIER_AMOUNT), month))) {
                insert.executeUpdate();
            }
            double hand = seconds(handStart);
            long[] handLines = totals(db, "SELECT count(*), sum(amount) FROM payment_line WHERE batch_id = " + scratch);
            db.rollback();
            db.setAutoCommit(true);

            boolean same = appLines[0] == handLines[0] && appLines[1] == handLines[1];
            double ratio = app / hand;
            System.out.println();
            System.out.println("| step | lines | total (yuan) | seconds | target |");
            System.out.println("|---|---:|---:|---:|---|");
            System.out.printf("| batch generation (app, HTTP request until GENERATED) | %,d | %,d | **%.1f** | ≤ 60 s: %s |%n",
                    appLines[0], appLines[1], app, app <= 60 ? "PASS" : "**FAIL**");
            System.out.printf("| hand-written INSERT … SELECT, same lines | %,d | %,d | %.1f | |%n",
                    handLines[0], handLines[1], hand);
            System.out.printf("| ratio app / hand-written | | | **%.1f** | ≤ 3: %s |%n", ratio, ratio <= 3 ? "PASS" : "**FAIL**");
            System.out.printf("%nSame lines (count and total): %s%n", same ? "yes" : "**NO**");
            if (!same) {
                System.exit(1);
            }
        }
    }

    /** Approved applications and active entitlements for every qualifying elder without one. */
    private static int entitle(Connection db, LocalDate month) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(named("""
                WITH apps AS (
                    INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                        tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                    SELECT e.id, p.id, p.code, e.community_code, 'APPROVED', 'AUTOMATIC', %s, %s,
                        CAST(:month AS date) - 20, CAST(:month AS date) - 10, now(), 'bench', 'bench'
                    FROM subsidy_policy p JOIN elder e ON e.community_code LIKE '330105%%'
                    WHERE p.code IN ('GAOLING', 'JUJIA') AND p.status = 'PUBLISHED' AND %s
                      AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement x
                                      WHERE x.elder_id = e.id AND x.policy_code = p.code AND x.status = 'ACTIVE')
                    RETURNING id, elder_id, policy_id, policy_code, community_code, tier_index, amount
                )
                INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                    tier_index, amount, frequency, start_month, status, payee_bank, payee_account, updated_by)
                SELECT elder_id, policy_id, policy_code, id, community_code, tier_index, amount, 'MONTHLY',
                    CAST(:month AS date), 'ACTIVE', '演示银行', '6222' || lpad(elder_id::text, 12, '0'), 'bench'
                FROM apps
                """.formatted(TIER_INDEX, TIER_AMOUNT, ELIGIBLE), month))) {
            int rows = statement.executeUpdate();
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE subsidy_entitlement");
            }
            return rows;
        }
    }

    /** Replaces :month by the date literal (the bench's own constant, not input). */
    private static String named(String sql, LocalDate month) {
        return sql.replace(":month", "'" + month + "'");
    }

    private static long[] totals(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getBigDecimal(2) == null ? 0 : rs.getBigDecimal(2).longValueExact()};
        }
    }

    private static void awaitGenerated(Connection db, long batchId) throws Exception {
        for (int i = 0; i < 6_000; i++) {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT state FROM payment_batch WHERE id = " + batchId)) {
                rs.next();
                if (rs.getString(1).equals("GENERATED")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("batch " + batchId + " not generated in 10 minutes");
    }

    private long createBatch(LocalDate month) throws Exception {
        String token = csrf("/payments/batches");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/payments/batches"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("month=" + month.toString().substring(0, 7)
                        + "&carryFailed=true&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("batch creation answered " + response.statusCode()));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
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

    private String csrf(String path) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
