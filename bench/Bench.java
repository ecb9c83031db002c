import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Times the registry pages of a running Yinling against the same SQL run directly over JDBC, and prints a Markdown
 * report (docs/performance.md explains it). Normally started by {@code bench/run.sh}, which builds the app, starts
 * it with generated demo elders and passes the start-up time. By hand, against an app that is already running:
 *
 * <pre>
 * java -cp postgresql-42.x.jar bench/Bench.java [--base-url http://localhost:18080]
 *      [--jdbc-url jdbc:postgresql://localhost:15499/yinling?user=postgres] [--elders N]
 *      [--warmup 30] [--runs 200] [--seed 42] [--only "name prefix"]
 * </pre>
 *
 * Exits non-zero only on errors (login refused, a page not 200 or not what it should be); a scenario that misses
 * its target is marked FAIL in the report.
 *
 * <p>Each scenario draws its inputs from the real data (sampled over JDBC first). Every scenario is warmed up once
 * in a first pass over all scenarios (JIT, caches), then warmed up again and measured; during measurement the app
 * request and the direct SQL for the same input alternate in order (app first on even runs, SQL first on odd runs),
 * so both see the same cache state.
 */
public class Bench {

    /** The demo district; the "district" account's scope is {@code community_code LIKE '330105%'}. */
    static final String DISTRICT_PREFIX = "330105";
    static final String SCOPE = DISTRICT_PREFIX + "%";
    static final String USERNAME = "district";
    static final String PASSWORD = "yinling";
    static final int PAGE_SIZE = 20;
    static final double TARGET_P95_MS = 100;
    static final double TARGET_RATIO = 3;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (Connection db = DriverManager.getConnection(options.jdbcUrl())) {
            Random random = new Random(options.seed());
            Samples samples = Samples.read(db, random);
            List<Scenario> scenarios = Scenario.all(samples, random, options.warmup() + options.runs()).stream()
                    .filter(scenario -> scenario.name().contains(options.only())).toList();
            String loadBefore = Report.loadAverage();
            App app = App.login(options.baseUrl());
            Runner runner = new Runner(app, db, options);
            for (Scenario scenario : scenarios) {
                runner.warmUp(scenario);
            }
            List<Result> results = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                System.err.println("measuring: " + scenario.name());
                results.add(runner.measure(scenario));
            }
            new Report(options, samples, results, serverVersion(db), loadBefore, Report.loadAverage(),
                    tableState(db)).print();
        }
    }

    /** Size of the elder table and when autovacuum last ran on it (index-only scans need the visibility map). */
    static String tableState(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT pg_size_pretty(pg_total_relation_size('elder')), coalesce(last_autovacuum::text, 'never'),
                       (SELECT count(*) FROM assessment), (SELECT count(*) FROM audit_event)
                FROM pg_stat_user_tables WHERE relname = 'elder'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.format(Locale.ROOT, "elder table with indexes %s, last autovacuum %s; %,d assessments,"
                    + " %,d audit events", rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
        }
    }

    static String serverVersion(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SHOW server_version"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ options

    record Options(String baseUrl, String jdbcUrl, long elders, int warmup, int runs, long seed,
                   String startupSeconds, String contextSeconds, String only) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of(
                    "base-url", "http://localhost:18080",
                    "jdbc-url", "jdbc:postgresql://localhost:15499/yinling?user=postgres",
                    "elders", "-1", "warmup", "30", "runs", "200", "seed", "42",
                    "startup-seconds", "", "context-seconds", "", "only", ""));
            for (int i = 0; i < args.length; i += 2) {
                String key = args[i].replaceFirst("^--", "");
                if (!values.containsKey(key) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Unknown or incomplete option: " + args[i]
                            + " (known: " + values.keySet() + ")");
                }
                values.put(key, args[i + 1]);
            }
            return new Options(values.get("base-url").replaceFirst("/$", ""), values.get("jdbc-url"),
                    Long.parseLong(values.get("elders")), Integer.parseInt(values.get("warmup")),
                    Integer.parseInt(values.get("runs")), Long.parseLong(values.get("seed")),
                    values.get("startup-seconds"), values.get("context-seconds"), values.get("only"));
        }
    }

    // ------------------------------------------------------------------------------------------------ samples

    /** Real values to search for: random elders of the district and its streets. */
    record Samples(long elders, List<Long> ids, List<String> names, List<String> residentIds, List<String> streets) {

        static Samples read(Connection db, Random random) throws SQLException {
            long elders = single(db, "SELECT count(*) FROM elder WHERE community_code LIKE ?", SCOPE);
            if (elders == 0) {
                throw new IllegalStateException("No elders in the demo district " + DISTRICT_PREFIX
                        + " - was the app started with --yinling.demo.elders=N?");
            }
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> residentIds = new ArrayList<>();
            execute(db, "SELECT setseed(" + (random.nextDouble() * 2 - 1) + ")");
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT id, name, resident_id FROM elder WHERE community_code LIKE ? ORDER BY random() LIMIT 1000""")) {
                ps.setString(1, SCOPE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        names.add(rs.getString(2));
                        residentIds.add(rs.getString(3));
                    }
                }
            }
            List<String> streets = strings(db,
                    "SELECT code FROM region WHERE level = 'STREET' AND code LIKE ? ORDER BY code", SCOPE);
            return new Samples(elders, ids, names, residentIds, streets);
        }

        static long single(Connection db, String sql, String param) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        static List<String> strings(Connection db, String sql, String param) throws SQLException {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
            return values;
        }

        static void execute(Connection db, String sql) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.execute();
            }
        }
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    /** One input of a scenario: the page to request, and the same work as SQL (returns the number of matches). */
    interface Probe {
        String path();

        long runSql(Connection db) throws SQLException;
    }

    /**
     * A scenario: its inputs (the first {@code warmup} for warming up, the rest measured), what a correct page
     * contains, and whether every input must find at least one elder.
     */
    record Scenario(String name, String example, List<Probe> inputs, String marker, boolean mustMatch) {

        static final List<String> ECONOMIC = List.of("MINIMUM_LIVING", "EXTREME_POVERTY", "LOW_INCOME", "MARGINAL");

        /** The baseline has no SQL of its own: it shows what any logged-in page costs (security, layout). */
        boolean baseline() {
            return inputs.get(0) instanceof Home;
        }

        static List<Scenario> all(Samples s, Random random, int count) {
            return List.of(
                    new Scenario("baseline: home page, no queries", "/",
                            generate(count, random, r -> new Home()), "home-scope", false),
                    list("name prefix, 1 char", count, random, true,
                            r -> ListSearch.text(firstChars(pick(s.names(), r), 1))),
                    list("name prefix, 2 chars", count, random, true,
                            r -> ListSearch.text(firstChars(pick(s.names(), r), 2))),
                    list("ID suffix, 4-6 chars", count, random, true,
                            r -> ListSearch.text(lastChars(pick(s.residentIds(), r), 4 + r.nextInt(3)))),
                    list("street + economic status", count, random, false,
                            r -> ListSearch.filter(pick(s.streets(), r), null, pick(ECONOMIC, r))),
                    list("street + living ALONE", count, random, false,
                            r -> ListSearch.filter(pick(s.streets(), r), "ALONE", null)),
                    list("street + economic + living ALONE", count, random, false,
                            r -> ListSearch.filter(pick(s.streets(), r), "ALONE", pick(ECONOMIC, r))),
                    list("unfiltered list, page 50", count, random, s.elders() >= 50L * PAGE_SIZE,
                            r -> ListSearch.page(49)),
                    new Scenario("detail page", "/elders/{id}",
                            generate(count, random, r -> new Detail(pick(s.ids(), r))), "elder-resident-id", true));
        }

        static Scenario list(String name, int count, Random random, boolean mustMatch,
                             Function<Random, Probe> input) {
            List<Probe> inputs = generate(count, random, input);
            String example = URLDecoder.decode(inputs.get(0).path(), StandardCharsets.UTF_8);
            return new Scenario(name, example, inputs, "elders-table", mustMatch);
        }

        static List<Probe> generate(int count, Random random, Function<Random, Probe> input) {
            List<Probe> inputs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                inputs.add(input.apply(random));
            }
            return inputs;
        }

        static String firstChars(String name, int chars) {
            return name.codePoints().limit(chars)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }

        static String lastChars(String residentId, int chars) {
            return residentId.substring(residentId.length() - chars);
        }
    }

    /** The home page: no SQL at all. */
    record Home() implements Probe {

        @Override
        public String path() {
            return "/";
        }

        @Override
        public long runSql(Connection db) {
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ list SQL

    /**
     * A search of {@code /elders}. The SQL mirrors {@code ElderQueries.search} (src/main/java/org/yinling/elder):
     * the same condition fragments in the same order, the same total (the tally of V8 when only the scope filters,
     * else a count) and page statements, every value bound, both in one read-only transaction, ordering "newest"
     * (the default). Keep it in step with ElderQueries when that changes.
     */
    record ListSearch(String q, String street, String living, String economic, int page) implements Probe {

        static final Pattern ID_SUFFIX = Pattern.compile("[0-9]{4,6}|[0-9]{3,5}[Xx]");
        static final Pattern FULL_ID = Pattern.compile("[0-9]{15}|[0-9]{17}[0-9Xx]");
        static final String TALLY = """
                SELECT coalesce(sum(elders), 0) FROM elder_tally
                WHERE community_code LIKE ? AND (CAST(? AS varchar) IS NULL OR life_status = ?)
                """;
        static final String PAGE_SELECT = """
                SELECT e.id, e.resident_id, e.name, e.sex, e.birth_date, e.community_code, e.living_arrangement,
                       e.economic_status, e.capability_level, e.life_status
                FROM elder e""";

        static ListSearch text(String q) {
            return new ListSearch(q, null, null, null, 0);
        }

        static ListSearch filter(String street, String living, String economic) {
            return new ListSearch(null, street, living, economic, 0);
        }

        static ListSearch page(int page) {
            return new ListSearch(null, null, null, null, page);
        }

        @Override
        public String path() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("q", q);
            query.put("street", street);
            query.put("living", living);
            query.put("economic", economic);
            query.put("page", page == 0 ? null : Integer.toString(page));
            String encoded = query.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return "/elders" + (encoded.isEmpty() ? "" : "?" + encoded);
        }

        @Override
        public long runSql(Connection db) throws SQLException {
            List<String> where = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            // the street chosen narrows the scope (RegionScope.narrowedTo): one condition on the community code
            String scope = street != null ? street.substring(0, 9) + "%" : SCOPE;
            where.add("e.community_code LIKE ?");
            params.add(scope);
            addText(where, params);
            addEquals("e.living_arrangement", living, where, params);
            addEquals("e.economic_status", economic, where, params);
            String condition = " WHERE " + String.join(" AND ", where);
            boolean onlyScope = where.size() == 1;
            return inReadOnlyTransaction(db, () -> {
                long total = onlyScope ? count(TALLY, Arrays.asList(scope, null, null), db)
                        : count("SELECT count(*) FROM elder e" + condition, params, db);
                List<Object> pageParams = new ArrayList<>(params);
                pageParams.add(PAGE_SIZE);
                pageParams.add((long) page * PAGE_SIZE);
                readAll(PAGE_SELECT + condition + " ORDER BY e.id DESC LIMIT ? OFFSET ?", pageParams, db);
                return total;
            });
        }

        private void addText(List<String> where, List<Object> params) {
            if (q == null || q.isBlank()) {
                return;
            }
            String text = q.strip();
            if (ID_SUFFIX.matcher(text).matches()) {
                where.add("reverse(e.resident_id) LIKE ?");
                params.add(new StringBuilder(text.toUpperCase()).reverse() + "%");
            }
            else if (FULL_ID.matcher(text).matches()) {
                where.add("e.resident_id = ?");
                params.add(text.toUpperCase());
            }
            else {
                where.add("e.name COLLATE \"C\" LIKE ?");
                params.add(text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }

        private static void addEquals(String column, String value, List<String> where, List<Object> params) {
            if (value != null) {
                where.add(column + " = ?");
                params.add(value);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ detail SQL

    /**
     * The detail page {@code /elders/{id}}. The SQL mirrors what the page runs: {@code ElderService.view} (one
     * read-write transaction: {@code ElderRepository.findInScope} as Hibernate renders it, then the audit INSERT of
     * {@code AuditLog.record}), {@code AssessmentStore.history} (auto-commit) and {@code AuditQueries.changesOf}
     * (read-only transaction, 20 rows).
     */
    record Detail(long id) implements Probe {

        static final String FIND_IN_SCOPE = """
                select e1_0.id,e1_0.address,e1_0.birth_date,e1_0.capability_level,e1_0.community_code,\
                e1_0.created_at,e1_0.created_by,e1_0.demo,e1_0.economic_status,e1_0.emergency_name,e1_0.emergency_phone,\
                e1_0.ethnicity,e1_0.guardian_name,e1_0.guardian_phone,e1_0.guardian_relation,e1_0.hukou_local,\
                e1_0.hukou_region_code,e1_0.income_per_person,e1_0.life_status,e1_0.life_status_date,\
                e1_0.life_status_reason,e1_0.living_arrangement,e1_0.lost_only_child,e1_0.name,e1_0.notes,\
                e1_0.phone,e1_0.resident_id,e1_0.sex,e1_0.solitary,e1_0.updated_at,e1_0.updated_by,e1_0.version \
                from elder e1_0 where e1_0.id=? and e1_0.community_code like ? escape ''""";
        static final String AUDIT_INSERT = """
                INSERT INTO audit_event (actor, action, entity, entity_id, details)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb))
                """;
        static final String HISTORY = """
                SELECT id, assessed_on, reason, total, base_level, level, coma, dementia, risk_events, assessor
                FROM assessment WHERE elder_id = ? ORDER BY assessed_on DESC, id DESC
                """;
        static final String CHANGES_OF = """
                SELECT id, at, actor, action, entity, entity_id, details::text AS details
                FROM audit_event
                WHERE entity = ? AND entity_id = ? AND action NOT LIKE '%\\_VIEWED'
                ORDER BY at DESC, id DESC LIMIT ?
                """;

        @Override
        public String path() {
            return "/elders/" + id;
        }

        @Override
        public long runSql(Connection db) throws SQLException {
            db.setAutoCommit(false);
            long found;
            try {
                found = readAll(FIND_IN_SCOPE, List.of(id, SCOPE), db);
                try (PreparedStatement insert = db.prepareStatement(AUDIT_INSERT)) {
                    insert.setString(1, USERNAME);
                    insert.setString(2, "ELDER_VIEWED");
                    insert.setString(3, "elder");
                    insert.setString(4, Long.toString(id));
                    insert.setNull(5, Types.VARCHAR);
                    insert.executeUpdate();
                }
                db.commit();
            }
            finally {
                db.setAutoCommit(true);
            }
            readAll(HISTORY, List.of(id), db);
            inReadOnlyTransaction(db, () -> readAll(CHANGES_OF, List.of("elder", Long.toString(id), 20), db));
            return found;
        }
    }

    // ------------------------------------------------------------------------------------------------ JDBC helpers

    interface SqlWork {
        long run() throws SQLException;
    }

    /** As Spring does for {@code @Transactional(readOnly = true)}: read-only flag, then a transaction. */
    static long inReadOnlyTransaction(Connection db, SqlWork work) throws SQLException {
        db.setReadOnly(true);
        db.setAutoCommit(false);
        try {
            long result = work.run();
            db.commit();
            return result;
        }
        finally {
            db.setAutoCommit(true);
            db.setReadOnly(false);
        }
    }

    static PreparedStatement prepare(String sql, List<Object> params, Connection db) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            }
            else {
                ps.setObject(i + 1, params.get(i));
            }
        }
        return ps;
    }

    static long count(String sql, List<Object> params, Connection db) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params, db); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a query and reads every column of every row, as a row mapper would; returns the number of rows. */
    static long readAll(String sql, List<Object> params, Connection db) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params, db); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            long rows = 0;
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                rows++;
            }
            return rows;
        }
    }

    // ------------------------------------------------------------------------------------------------ the app

    /** A logged-in browser session: cookies (JSESSIONID), no redirects followed, HTML asked for. */
    record App(HttpClient http, String baseUrl) {

        static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
        static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
        static final Pattern ROW_LINK = Pattern.compile("href=\"/elders/[0-9]+\"");

        static App login(String baseUrl) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            App app = new App(http, baseUrl);
            HttpResponse<String> form = app.get("/login");
            Matcher input = CSRF_INPUT.matcher(form.body());
            Matcher value = input.find() ? VALUE.matcher(input.group()) : null;
            if (form.statusCode() != 200 || value == null || !value.find()) {
                throw new IllegalStateException("GET /login: no _csrf input (status " + form.statusCode() + ")");
            }
            HttpResponse<String> posted = app.postForm("/login",
                    Map.of("username", USERNAME, "password", PASSWORD, "_csrf", value.group(1)));
            String location = posted.headers().firstValue("Location").orElse("");
            if (posted.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException("Login as '" + USERNAME + "' failed: status " + posted.statusCode()
                        + ", Location " + location);
            }
            HttpResponse<String> list = app.get("/elders");
            if (list.statusCode() != 200 || !list.body().contains("elders-table")) {
                throw new IllegalStateException("Logged in, but GET /elders answered " + list.statusCode());
            }
            return app;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Requests the page and checks it; an unexpected answer ends the benchmark. */
        void fetch(Scenario scenario, Probe probe) throws IOException, InterruptedException {
            HttpResponse<String> response = get(probe.path());
            String body = response.body();
            if (response.statusCode() != 200 || !body.contains(scenario.marker())) {
                throw new IllegalStateException("GET " + probe.path() + ": status " + response.statusCode()
                        + (body.contains(scenario.marker()) ? "" : ", no " + scenario.marker() + " in the page"));
            }
            if (scenario.mustMatch() && scenario.marker().equals("elders-table") && !ROW_LINK.matcher(body).find()) {
                throw new IllegalStateException("GET " + probe.path() + ": no elder listed, but one must match");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ measuring

    record Stats(double p50, double p95) {

        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(percentile(sorted, 50), percentile(sorted, 95));
        }

        /** Nearest-rank percentile, in milliseconds. */
        static double percentile(long[] sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(rank - 1, 0)] / 1e6;
        }
    }

    record Result(Scenario scenario, Stats app, Stats sql, long medianMatches) {

        double ratio() {
            return app.p95() / sql.p95();
        }

        boolean pass() {
            return app.p95() < TARGET_P95_MS && (scenario.baseline() || ratio() <= TARGET_RATIO);
        }

        String row() {
            String sqlColumns = scenario.baseline() ? "– | – | –"
                    : String.format(Locale.ROOT, "%.1f | %.1f | %.1f", sql.p50(), sql.p95(), ratio());
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s | %,d | `%s` |", scenario.name(),
                    app.p50(), app.p95(), sqlColumns, pass() ? "PASS" : "**FAIL**", medianMatches,
                    scenario.example());
        }
    }

    record Runner(App app, Connection db, Options options) {

        void warmUp(Scenario scenario) throws Exception {
            for (Probe probe : scenario.inputs().subList(0, options.warmup())) {
                app.fetch(scenario, probe);
                probe.runSql(db);
            }
        }

        Result measure(Scenario scenario) throws Exception {
            warmUp(scenario);
            List<Probe> measured = scenario.inputs().subList(options.warmup(), scenario.inputs().size());
            long[] appNanos = new long[measured.size()];
            long[] sqlNanos = new long[measured.size()];
            long[] matches = new long[measured.size()];
            for (int i = 0; i < measured.size(); i++) {
                Probe probe = measured.get(i);
                if (i % 2 == 0) {
                    appNanos[i] = timeApp(scenario, probe);
                }
                long start = System.nanoTime();
                matches[i] = probe.runSql(db);
                sqlNanos[i] = System.nanoTime() - start;
                if (i % 2 == 1) {
                    appNanos[i] = timeApp(scenario, probe);
                }
            }
            Arrays.sort(matches);
            return new Result(scenario, Stats.of(appNanos), Stats.of(sqlNanos), matches[matches.length / 2]);
        }

        long timeApp(Scenario scenario, Probe probe) throws Exception {
            long start = System.nanoTime();
            app.fetch(scenario, probe);
            return System.nanoTime() - start;
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    record Report(Options options, Samples samples, List<Result> results, String postgres, String loadBefore,
                  String loadAfter, String tableState) {

        void print() {
            System.out.println(String.format(Locale.ROOT, """
                    ## Yinling registry benchmark

                    - Elders: %s requested, %,d in the demo district (%s)
                    - Machine: %s, %d CPUs, %s RAM; Java %s; PostgreSQL %s (embedded)
                    - Date: %s; load average (1/5/15 min) %s before, %s after
                    - Start-up until ready (incl. demo generation): %s
                    - Per scenario: %d warm-up + %d measured sequential requests; same inputs for app and SQL
                    - Targets: page p95 < %.0f ms and app/SQL p95 ratio <= %.0f
                    """,
                    options.elders() < 0 ? "–" : String.format(Locale.ROOT, "%,d", options.elders()),
                    samples.elders(), tableState, cpuModel(), Runtime.getRuntime().availableProcessors(),
                    memory(), System.getProperty("java.version"), postgres,
                    ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))
                            .replaceFirst("\\.[0-9]+", ""), loadBefore, loadAfter,
                    startup(), options.warmup(), options.runs(), TARGET_P95_MS, TARGET_RATIO));
            System.out.println("| scenario | app p50 ms | app p95 ms | SQL p50 ms | SQL p95 ms | ratio app/SQL (p95)"
                    + " | target | matches (median) | example |");
            System.out.println("|---|--:|--:|--:|--:|--:|:-:|--:|---|");
            for (Result r : results) {
                System.out.println(r.row());
            }
            long failed = results.stream().filter(r -> !r.pass()).count();
            System.out.println();
            System.out.println(failed == 0 ? "All scenarios meet the targets."
                    : failed + " of " + results.size() + " scenarios miss a target.");
        }

        String startup() {
            if (options.startupSeconds().isEmpty()) {
                return "not measured";
            }
            String context = options.contextSeconds().isEmpty() ? ""
                    : " (JVM and Spring context " + options.contextSeconds() + " s, then the start-up runners)";
            return options.startupSeconds() + " s" + context;
        }

        static String loadAverage() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return fields[0] + " / " + fields[1] + " / " + fields[2];
            }
            catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        static String cpuModel() {
            return procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        }

        static String memory() {
            return procField("/proc/meminfo", "MemTotal")
                    .map(kb -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        }

        static java.util.Optional<String> procField(String file, String field) {
            try {
                return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(field))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
            }
            catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
