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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inbound events through the API at city scale (issue 22 §3: 10,000 inbound events applied ≤ 10 s). Takes a token
 * for the demo API client (POST /api/v1/token, client credentials from the environment variables API_CLIENT_ID and
 * API_CLIENT_SECRET), reads which region it sees (GET /api/v1/me), picks EVENTS active elders of that region with
 * SQL (not timed) and sends one batch of life events and one of status changes, EVENTS events in all, in the mix an
 * agency's day might bring: 20 % deaths, 10 % move-outs, 20 % moves to another community of the region, 30 %
 * economic status changes (低保 / 特困 / 低保边缘) and 20 % disability certificates, every event for another elder.
 * Times each POST (the whole batch is one transaction: claimed, classified, applied with its audit and the other
 * modules' effects, answered), then the same two batches again (every event a repeat: nothing changes).
 * The changes stay in the database: run it on a bench database only.
 *
 *   API_CLIENT_ID=… API_CLIENT_SECRET=… java -cp postgresql.jar bench/ApiEventsBench.java http://localhost:18080 jdbc:postgresql://... [EVENTS]
 */
public class ApiEventsBench {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REGION = Pattern.compile("\"region\"\\s*:\\s*\"([0-9]{12})\"");
    private static final Pattern OUTCOMES = Pattern.compile("\"outcomes\"\\s*:\\s*(\\{[^}]*\\})");
    private static final String[] ECONOMIC = {"MINIMUM_LIVING", "EXTREME_POVERTY", "MARGINAL"};
    private static final String[] CATEGORIES = {"VISUAL", "HEARING", "PHYSICAL", "INTELLECTUAL", "MULTIPLE"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    ApiEventsBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String clientId = System.getenv("API_CLIENT_ID");
        String secret = System.getenv("API_CLIENT_SECRET");
        if (clientId == null || secret == null) {
            System.out.println("\napi-events: skipped (set API_CLIENT_ID and API_CLIENT_SECRET to the demo API client's)\n");
            return;
        }
        int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        ApiEventsBench bench = new ApiEventsBench(args[0]);
        bench.token(clientId, secret);
        String region = bench.region();
        String prefix = region.endsWith("000000") ? region.substring(0, 6)
                : region.endsWith("000") ? region.substring(0, 9) : region;
        LocalDate today = LocalDate.now(CHINA);

        List<String[]> elders = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(args[1])) {
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT resident_id, community_code FROM elder
                    WHERE life_status = 'ACTIVE' AND community_code LIKE ? ORDER BY md5(id::text) LIMIT ?""")) {
                s.setString(1, prefix + "%");
                s.setInt(2, wanted);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        elders.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT code FROM region WHERE level = 'COMMUNITY' AND code LIKE ? ORDER BY code")) {
                s.setString(1, prefix + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        communities.add(rs.getString(1));
                    }
                }
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder life = new StringBuilder("[");
        StringBuilder status = new StringBuilder("[");
        int lifeCount = 0;
        int statusCount = 0;
        for (int i = 0; i < elders.size(); i++) {
            String id = elders.get(i)[0];
            String community = elders.get(i)[1];
            String date = today.minusDays(1 + i % 20).toString();
            String common = "\"eventId\":\"bench-" + run + "-" + i + "\",\"residentId\":\"" + id + "\",\"date\":\"" + date + "\"";
            int slot = i % 10;
            if (slot < 5) {
                String event = slot < 2 ? "{" + common + ",\"type\":\"DEATH\",\"documentNo\":\"死证" + i + "\"}"
                        : slot < 3 ? "{" + common + ",\"type\":\"MOVE_OUT\"}"
                        : "{" + common + ",\"type\":\"MOVE_IN\",\"communityCode\":\""
                                + other(communities, community, i) + "\"}";
                life.append(lifeCount++ == 0 ? "" : ",").append(event);
            }
            else {
                String event = slot < 8
                        ? "{" + common + ",\"type\":\"ECONOMIC_STATUS\",\"economicStatus\":\"" + ECONOMIC[i % 3] + "\"}"
                        : "{" + common + ",\"type\":\"DISABILITY\",\"disabilityCategory\":\""
                                + CATEGORIES[i % CATEGORIES.length] + "\",\"disabilityLevel\":" + (1 + i % 4) + "}";
                status.append(statusCount++ == 0 ? "" : ",").append(event);
            }
        }
        life.append(']');
        status.append(']');

        System.out.println();
        System.out.printf("api-events: client region %s, %,d elders picked (SQL, not timed), %,d life events and %,d status changes%n%n",
                region, elders.size(), lifeCount, statusCount);
        System.out.println("| inbound events step | events | s | outcomes | target |");
        System.out.println("|---|---:|---:|---|---|");
        double first = bench.post("/api/v1/life-events", life.toString(), "life events (death, move-out, move-in)", lifeCount, null);
        double second = bench.post("/api/v1/status-changes", status.toString(), "status changes (economic status, disability)", statusCount, null);
        System.out.printf("| both batches (%,d events) | %,d | %.1f | | ≤ 10 s: %s |%n", lifeCount + statusCount,
                lifeCount + statusCount, first + second, first + second <= 10 ? "PASS" : "FAIL");
        bench.post("/api/v1/life-events", life.toString(), "the life events again (every one a repeat)", lifeCount, null);
        bench.post("/api/v1/status-changes", status.toString(), "the status changes again (every one a repeat)", statusCount, null);
        System.out.println();
    }

    private static String other(List<String> communities, String current, int i) {
        if (communities.size() < 2) {
            return current;
        }
        String pick = communities.get(i % communities.size());
        return pick.equals(current) ? communities.get((i + 1) % communities.size()) : pick;
    }

    private void token(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token: HTTP " + response.statusCode());
        }
        token = m.group(1);
    }

    private String region() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = REGION.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET /api/v1/me: HTTP " + response.statusCode());
        }
        return m.group(1);
    }

    /** POSTs one batch, prints its row and returns the seconds it took. */
    private double post(String path, String body, String what, int events, String target) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        Matcher m = OUTCOMES.matcher(response.body());
        System.out.printf("| %s | %,d | %.1f | `%s` | %s |%n", what, events, seconds, m.find() ? m.group(1) : "?",
                target == null ? "" : target);
        return seconds;
    }
}
