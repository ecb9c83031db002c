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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the whole demo district through the read API by cursor (GET /api/v1/elders, 1,000 a page) and reports
 * elders per second (issue 22 asks for at least 20,000), against the same keyset SQL run directly; then the p50/p95
 * of one small request with a token (GET /api/v1/me and GET /api/v1/elders?limit=1) and of the same request without
 * one (the 401 the filter chain answers before any token check), the difference being at most what a token check
 * costs.
 *
 *   API_CLIENT_ID=… API_CLIENT_SECRET=… java -cp postgresql.jar bench/ApiReadBench.java http://localhost:18080 \
 *       jdbc:postgresql://... [district code, default 330105000000] [page size, default 1000] [small runs, default 300]
 *
 * The token comes from POST /api/v1/token (client credentials: grant_type, client_id, client_secret as a form),
 * whose answer has {"access_token": …, "expires_in": …}; a new one is fetched when it is about to expire.
 */
public class ApiReadBench {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*(null|\"([A-Za-z0-9_-]+)\")");
    private static final Pattern ITEM = Pattern.compile("\"residentIdMasked\"\\s*:");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*([0-9]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private long tokenValidUntil;

    ApiReadBench(String base, String clientId, String clientSecret) {
        this.base = base;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String district = args.length > 2 ? args[2] : "330105000000";
        int pageSize = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int smallRuns = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        String clientId = System.getenv("API_CLIENT_ID");
        String clientSecret = System.getenv("API_CLIENT_SECRET");
        if (clientId == null || clientSecret == null) {
            System.out.println("api-read: skipped (set API_CLIENT_ID and API_CLIENT_SECRET to the demo API client's)");
            return;
        }
        ApiReadBench bench = new ApiReadBench(base, clientId, clientSecret);
        System.out.println("## Read API (bench/ApiReadBench.java)");
        System.out.println();

        long expected;
        double sqlSeconds;
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            String prefix = district.substring(0, 6) + "%";
            try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM elder WHERE community_code LIKE ?")) {
                count.setString(1, prefix);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    expected = rs.getLong(1);
                }
            }
            long start = System.nanoTime();
            long read = keysetBySql(db, prefix, pageSize);
            sqlSeconds = seconds(start);
            if (read != expected) {
                throw new IllegalStateException("SQL keyset read " + read + " of " + expected);
            }
        }

        bench.fetchToken();
        // warm-up: a few pages
        bench.readAll(district, pageSize, 5);
        long start = System.nanoTime();
        long[] result = bench.readAll(district, pageSize, Integer.MAX_VALUE);
        double apiSeconds = seconds(start);
        if (result[0] != expected) {
            throw new IllegalStateException("the API gave " + result[0] + " elders, the district has " + expected);
        }
        System.out.printf("| whole district by cursor (%,d elders, %,d pages of %,d, %.1f MB of JSON) | %.1f s | %,.0f elders/s |%n",
                result[0], result[1], pageSize, result[2] / 1e6, apiSeconds, result[0] / apiSeconds);
        System.out.printf("| the same keyset SQL over JDBC (no JSON, no HTTP) | %.1f s | %,.0f elders/s |%n",
                sqlSeconds, expected / sqlSeconds);
        System.out.println();

        System.out.println("| one small request (" + smallRuns + " runs) | p50 | p95 |");
        System.out.println("|---|---|---|");
        bench.small("GET /api/v1/me with a token", "/api/v1/me", true, smallRuns);
        bench.small("GET /api/v1/me without a token (401, no token check)", "/api/v1/me", false, smallRuns);
        bench.small("GET /api/v1/elders?limit=1 with a token", "/api/v1/elders?limit=1", true, smallRuns);
        System.out.println();
    }

    /** The district's elders by the same keyset the API uses, straight over JDBC; returns how many were read. */
    private static long keysetBySql(Connection db, String prefix, int pageSize) throws Exception {
        String first = """
                SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.phone, e.community_code, e.address,
                       e.economic_status, e.income_per_person, e.life_status, e.updated_at
                FROM elder e WHERE e.community_code LIKE ? ORDER BY e.community_code, e.id LIMIT ?""";
        String next = """
                SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.phone, e.community_code, e.address,
                       e.economic_status, e.income_per_person, e.life_status, e.updated_at
                FROM elder e WHERE e.community_code LIKE ? AND (e.community_code, e.id) > (?, ?)
                ORDER BY e.community_code, e.id LIMIT ?""";
        long read = 0;
        String lastCode = null;
        long lastId = 0;
        while (true) {
            int rows = 0;
            try (PreparedStatement page = db.prepareStatement(lastCode == null ? first : next)) {
                page.setString(1, prefix);
                if (lastCode == null) {
                    page.setInt(2, pageSize);
                }
                else {
                    page.setString(2, lastCode);
                    page.setLong(3, lastId);
                    page.setInt(4, pageSize);
                }
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        lastId = rs.getLong(1);
                        lastCode = rs.getString(7);
                    }
                }
            }
            read += rows;
            if (rows < pageSize) {
                return read;
            }
        }
    }

    /** Reads up to {@code maxPages} pages from the start; returns {elders, pages, bytes}. */
    private long[] readAll(String district, int pageSize, int maxPages) throws Exception {
        String cursor = null;
        long elders = 0;
        long pages = 0;
        long bytes = 0;
        do {
            String path = "/api/v1/elders?region=" + district + "&limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = get(path, true);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            bytes += body.getBytes(StandardCharsets.UTF_8).length;
            Matcher items = ITEM.matcher(body);
            while (items.find()) {
                elders++;
            }
            Matcher next = NEXT.matcher(body);
            if (!next.find()) {
                throw new IllegalStateException("no nextCursor in the answer to " + path);
            }
            cursor = next.group(2);
            pages++;
        } while (cursor != null && pages < maxPages);
        return new long[] {elders, pages, bytes};
    }

    private void small(String label, String path, boolean withToken, int runs) throws Exception {
        for (int i = 0; i < 20; i++) {
            get(path, withToken);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(path, withToken);
            times.add((System.nanoTime() - start) / 1e6);
            int expected = withToken ? 200 : 401;
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ", not " + expected);
            }
        }
        Collections.sort(times);
        System.out.printf("| %s | %.2f ms | %.2f ms |%n", label, times.get(times.size() / 2),
                times.get((int) Math.ceil(times.size() * 0.95) - 1));
    }

    private HttpResponse<String> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        if (withToken) {
            if (System.currentTimeMillis() > tokenValidUntil) {
                fetchToken();
            }
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void fetchToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("POST /api/v1/token answered " + response.statusCode() + ": "
                    + response.body());
        }
        this.token = token.group(1);
        Matcher expires = EXPIRES.matcher(response.body());
        long seconds = expires.find() ? Long.parseLong(expires.group(1)) : 300;
        // fetch the next one well before this one expires
        tokenValidUntil = System.currentTimeMillis() + Math.max(10, seconds - 60) * 1000;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
