import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load: USERS concurrent logged-in users (four in five district staff, one in five managers) for SECONDS seconds over
 * a realistic mix: registry search, elder detail, the review queue and meal recording at a counter for the staff,
 * the dashboard and a street drill-down for the managers. Each user thinks between answer and next request for
 * THINK_MS on average (uniform between half and one and a half times it; default 1,000 ms, far quicker than people
 * read a page). Reports throughput, p50/p95/p99 and errors per kind; run twice, with the heap in use after a full GC
 * (jcmd) after each run, to show that memory does not grow. A third run without think time shows what the machine
 * serves at saturation (50 requests always in flight): reported, not judged. A warm-up of 20 s with think time comes
 * first and is not reported (JIT, template parsing).
 *
 *   java -cp postgresql.jar bench/LoadBench.java http://localhost:18080 jdbc:postgresql://... APP_PID [USERS] [SECONDS] [THINK_MS]
 */
public class LoadBench {

    enum Kind { SEARCH, DETAIL, REVIEW_QUEUE, MEAL, DASHBOARD }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

    record Sample(Kind kind, double ms, boolean ok) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[2]);
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        int thinkMs = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        List<Long> elders = new ArrayList<>();
        long mealPoint;
        try (Connection db = DriverManager.getConnection(args[1]); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT id FROM elder WHERE community_code LIKE '330105%' AND life_status = 'ACTIVE'
                    ORDER BY hashint8(id) LIMIT 20000""")) {
                while (rs.next()) {
                    elders.add(rs.getLong(1));
                }
            }
            s.execute("""
                    INSERT INTO meal_point (name, kind, community_code, serves_lunch, serves_dinner, licence_number,
                        licence_expires, demo, created_by, updated_by)
                    SELECT '负载测试食堂', 'CANTEEN', '330105001001', TRUE, TRUE, 'LOAD-1', CURRENT_DATE + 365, TRUE, 'bench', 'bench'
                    WHERE NOT EXISTS (SELECT 1 FROM meal_point WHERE name = '负载测试食堂')""");
            try (ResultSet rs = s.executeQuery("SELECT id FROM meal_point WHERE name = '负载测试食堂'")) {
                rs.next();
                mealPoint = rs.getLong(1);
            }
        }
        System.out.println();
        System.out.printf("load: %d users (%d district staff, %d managers), %d s per run after a %d s warm-up, think time "
                        + "%d ms on average (runs 1 and 2), none (run 3)%n", users, users - users / 5, users / 5, seconds,
                Math.min(20, seconds), thinkMs);
        System.out.println();
        System.out.println("| run | requests | per second | errors | p50 ms | p95 ms | p99 ms | max ms | heap used after full GC | p99 < 1 s, no errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        // warm-up, not reported: the JIT compiles the request paths and the templates are parsed once
        run(base, users, Math.min(20, seconds), elders, mealPoint, thinkMs);
        List<Sample> last = null;
        for (int run = 1; run <= 2; run++) {
            last = run(base, users, seconds, elders, mealPoint, thinkMs);
            long heap = heapAfterGc(pid);
            print("run " + run, last, seconds, heap, true);
        }
        List<Sample> saturated = run(base, users, seconds, elders, mealPoint, 0);
        print("run 3, no think time (saturation)", saturated, seconds, heapAfterGc(pid), false);
        System.out.println();
        System.out.println("| kind (run 2) | requests | p50 ms | p95 ms | p99 ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Kind kind : Kind.values()) {
            List<Sample> of = last.stream().filter(x -> x.kind() == kind).toList();
            double[] ms = of.stream().mapToDouble(Sample::ms).sorted().toArray();
            System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %d |%n", kind, ms.length, pct(ms, 50), pct(ms, 95),
                    pct(ms, 99), of.stream().filter(x -> !x.ok()).count());
        }
    }

    private static List<Sample> run(String base, int users, int seconds, List<Long> elders, long mealPoint, int thinkMs)
            throws Exception {
        List<User> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            User user = new User(base, i % 5 == 4);
            user.logIn(user.manager ? "manager" : "district", "yinling");
            if (!user.manager) {
                user.token = user.csrf("/meal-points/" + mealPoint + "/meals");
            }
            sessions.add(user);
        }
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        AtomicLong mealElder = new AtomicLong(ThreadLocalRandom.current().nextInt(elders.size()));
        for (User user : sessions) {
            new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    Kind kind;
                    String path;
                    String form = null;
                    if (user.manager) {
                        kind = Kind.DASHBOARD;
                        path = random.nextBoolean() ? "/dashboard" : "/dashboard/regions/330105%03d000".formatted(1 + random.nextInt(10));
                    } else {
                        int dice = random.nextInt(100);
                        long elder = elders.get(random.nextInt(elders.size()));
                        if (dice < 35) {
                            kind = Kind.SEARCH;
                            path = "/elders?q=" + URLEncoder.encode(SURNAMES[random.nextInt(SURNAMES.length)], StandardCharsets.UTF_8);
                        } else if (dice < 65) {
                            kind = Kind.DETAIL;
                            path = "/elders/" + elder;
                        } else if (dice < 80) {
                            kind = Kind.REVIEW_QUEUE;
                            path = "/subsidies/reviews";
                        } else {
                            kind = Kind.MEAL;
                            path = "/meal-points/" + mealPoint + "/meals";
                            long next = elders.get((int) (mealElder.incrementAndGet() % elders.size()));
                            form = "elderId=" + next + "&meal=" + (random.nextBoolean() ? "LUNCH" : "DINNER") + "&mode=EAT_IN";
                        }
                    }
                    long begin = System.nanoTime();
                    boolean ok;
                    try {
                        ok = user.request(path, form) == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    samples.add(new Sample(kind, (System.nanoTime() - begin) / 1e6, ok));
                    if (thinkMs > 0) {
                        try {
                            Thread.sleep(random.nextInt(thinkMs / 2, thinkMs * 3 / 2 + 1));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        return new ArrayList<>(samples);
    }

    private static void print(String label, List<Sample> samples, int seconds, long heap, boolean judged) {
        double[] ms = samples.stream().mapToDouble(Sample::ms).sorted().toArray();
        long errors = samples.stream().filter(s -> !s.ok()).count();
        boolean pass = errors == 0 && pct(ms, 99) < 1000;
        System.out.printf("| %s | %,d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %s | %s |%n", label, ms.length,
                ms.length / (double) seconds, errors, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1],
                heap < 0 ? "?" : "%,d MB".formatted(heap / 1024 / 1024), !judged ? "(reported)" : pass ? "PASS" : "**FAIL**");
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /** Heap in use after a full GC, from jcmd (bytes), or -1 when jcmd cannot attach. */
    private static long heapAfterGc(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher m = Pattern.compile("used (\\d+)K").matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** One logged-in browser: its own cookies (session) and CSRF token. */
    static final class User {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final String base;
        final boolean manager;
        String token;

        User(String base, boolean manager) {
            this.base = base;
            this.manager = manager;
        }

        int request(String path, String form) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        void logIn(String username, String password) throws Exception {
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

        String csrf(String path) throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + path);
            }
            return m.group(1);
        }
    }
}
