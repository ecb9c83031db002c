package org.yinling.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.yinling.system.TestUsers.as;

/**
 * Every route the application maps, for every role and for users of another street and another community, against
 * the table in {@code src/test/resources/access-matrix.csv}.
 *
 * <p>The routes come from the {@link RequestMappingHandlerMapping}, so a new controller method is a route the table
 * must name: a mapped route missing from the table fails {@link #everyMappedRouteIsInTheTable()}, and so does a row
 * that matches no route. Each route is requested by each of seven users ({@link #USERS}) with real ids of records in
 * 蓝天 community (330105001001, see {@link AccessFixtures}); state-changing requests carry a CSRF token, the request
 * parameters of {@link #actionParameters} and, for their path variables, records made for that one request, so an
 * action that ends its record cannot change the outcome of the next. The outcome is
 * <ul>
 *   <li>{@code OK}: 2xx or 3xx. The role reaches the route; a form shown again with validation errors, or a redirect
 *   with a refusal message, is still "reached".</li>
 *   <li>{@code 403}: the route rules in {@link SecurityConfiguration} refuse the role.</li>
 *   <li>{@code 404}: the route is open to the role but the record is outside the user's region.</li>
 *   <li>{@code -}: not checked (only for framework routes such as {@code /error}).</li>
 * </ul>
 * For the users of another street and another community, whatever they are answered (a page, a 404, an export) must
 * not contain the marker that every name of the fixture records carries nor the elder's resident ID, and no state-changing request of theirs may change any
 * of the records ({@link AccessFixtures#state()}).
 *
 * <h2>Adding a route</h2>
 * Add a row {@code METHOD,pattern,ADMIN,DISTRICT_STAFF,STREET_REVIEWER,COMMUNITY_CLERK,MANAGER,OTHER_STREET,OTHER_COMMUNITY}
 * to {@code access-matrix.csv} with the pattern exactly as mapped (for example {@code /dashboard/regions/{code}}).
 * If the route has a path variable the test does not know yet, add a case to {@link #pathValue}; if the action needs a
 * request parameter, add it to {@link #actionParameters}. To see what the application actually answers, run
 * {@code ./mvnw test -Dtest=AccessMatrixTest -DaccessMatrix.record=true}: the outcomes are written to
 * {@code target/access-matrix-actual.csv}. Check every cell before copying it: the table is the specification.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Column name → user. The last two are a street reviewer of 祥符 street and a clerk of 瓜山 community. */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("ADMIN", "admin");
        USERS.put("DISTRICT_STAFF", "district");
        USERS.put("STREET_REVIEWER", "street");
        USERS.put("COMMUNITY_CLERK", "community");
        USERS.put("MANAGER", "manager");
        USERS.put("OTHER_STREET", "matrix.otherstreet");
        USERS.put("OTHER_COMMUNITY", "matrix.othercommunity");
        USERS.put("PROVIDER_MANAGER", "provider");
        USERS.put("CARE_WORKER", "worker");
        USERS.put("OTHER_PROVIDER", "matrix.otherprovider");
        USERS.put("OTHER_WORKER", "worker2");
        // visits: the demo visitor of 蓝天 (探访员), confined to the visit pages
        USERS.put("VISITOR", "visitor");
        // issue 23: the demo institution manager, bound to a demo institution (not the fixtures'), confined to their
        // institution's page and its findings and incidents
        USERS.put("INSTITUTION_MANAGER", "institution");
    }

    private static final Set<String> OTHERS = Set.of("OTHER_STREET", "OTHER_COMMUNITY", "OTHER_PROVIDER", "OTHER_WORKER",
            "INSTITUTION_MANAGER");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final String TABLE = "access-matrix.csv";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private AccessFixtures shared;
    private int changedByOwnRegion;
    private final Set<String> shownToOwnStreet = new TreeSet<>();

    /**
     * A row's route. A pattern may end in {@code " @in:<community code>"}: the row is then requested with a set of
     * records whose institution lies in that community while its elders stay in 蓝天 (see {@link
     * AccessFixtures#AccessFixtures(JdbcClient, String)}), and a GET may carry a query string
     * ({@code /waiting-list?institution={institution}}). Such rows check who sees and changes the elders an institution
     * serves from other regions (docs/security.md, "Residents of an institution").
     */
    record Route(String method, String pattern) implements Comparable<Route> {

        /** The mapped route this row requests: the pattern without variant and query string. */
        Route mapped() {
            String path = path();
            int query = path.indexOf('?');
            return new Route(method, query < 0 ? path : path.substring(0, query));
        }

        /** The pattern to request: without the variant. */
        String path() {
            int at = pattern.indexOf(" @");
            return at < 0 ? pattern : pattern.substring(0, at);
        }

        /** The community of the institution for a row "@in:<code>", else null. */
        String institutionCommunity() {
            int at = pattern.indexOf(" @in:");
            return at < 0 ? null : pattern.substring(at + " @in:".length()).strip();
        }

        @Override
        public int compareTo(Route other) {
            int byPattern = pattern.compareTo(other.pattern);
            return byPattern != 0 ? byPattern : method.compareTo(other.method);
        }

        boolean changesState() {
            return !method.equals("GET") && !method.equals("ANY");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeAll
    void usersOfOtherRegionsAndRecords() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('matrix.otherstreet', '祥符街道审核', '{noop}x', 'STREET_REVIEWER', '330105002000'),
                       ('matrix.othercommunity', '瓜山社区受理', '{noop}x', 'COMMUNITY_CLERK', '330105001002')
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code, provider_id)
                SELECT 'matrix.otherprovider', '祥符助老服务社负责人', '{noop}x', 'PROVIDER_MANAGER', region_code, id
                FROM home_care_provider WHERE credit_code = '52330105MJ7654321T'
                ON CONFLICT DO NOTHING
                """).update();
        shared = new AccessFixtures(jdbc);
        // records that lists show without a path variable naming them: they must show to the region only
        shared.publicityApplication();
        shared.recovery();
        shared.stay();
        shared.caregiver();
        shared.waitingEntry();
        shared.mealPoint();
        shared.elderImport();
        shared.statusImport();
    }

    /** The routes the application maps, as METHOD and pattern; a mapping without a method is listed as ANY. */
    Set<Route> mappedRoutes() {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    routes.add(new Route("ANY", pattern));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        }
        return routes;
    }

    /** The table: route → expected outcome per column of {@link #USERS}, in file order. */
    static Map<Route, Map<String, String>> table() throws IOException {
        Map<Route, Map<String, String>> table = new LinkedHashMap<>();
        try (InputStream in = AccessMatrixTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            List<String> columns = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : trimmed.split(",")) {
                    cells.add(cell.strip());
                }
                if (columns == null) {
                    columns = cells.subList(2, cells.size());
                    assertThat(columns).as("columns of " + TABLE).containsExactlyElementsOf(USERS.keySet());
                    continue;
                }
                assertThat(cells).as("cells of: " + trimmed).hasSize(2 + USERS.size());
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String value = cells.get(2 + i);
                    assertThat(value).as("cell of: " + trimmed).isIn("OK", "403", "404", "-");
                    expected.put(columns.get(i), value);
                }
                Route route = new Route(cells.get(0), cells.get(1));
                assertThat(table).as("rows for " + route).doesNotContainKey(route);
                table.put(route, expected);
            }
        }
        return table;
    }

    @Test
    void everyMappedRouteIsInTheTable() throws IOException {
        Set<Route> mapped = mappedRoutes();
        Set<Route> listed = new TreeSet<>();
        table().keySet().forEach(route -> listed.add(route.mapped()));
        Set<Route> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<Route> unknown = new TreeSet<>(listed);
        unknown.removeAll(mapped);
        assertThat(missing).as("mapped routes missing from " + TABLE + " (add a row for each)").isEmpty();
        assertThat(unknown).as("rows of " + TABLE + " that match no mapped route").isEmpty();
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSays() throws Exception {
        Map<Route, Map<String, String>> table = table();
        Set<Route> mapped = mappedRoutes();
        List<String> mismatches = new ArrayList<>();
        Map<Route, Map<String, String>> actual = new LinkedHashMap<>();
        // reads first, on the shared records; then actions, each on records of its own
        List<Route> ordered = new ArrayList<>(mapped);
        ordered.sort((a, b) -> Boolean.compare(a.changesState(), b.changesState()) * 2 + Integer.signum(a.compareTo(b)));
        for (Route route : ordered) {
            Map<String, String> expected = table.getOrDefault(route, Map.of());
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (String column : USERS.keySet()) {
                String want = expected.getOrDefault(column, "?");
                if (want.equals("-")) {
                    outcomes.put(column, "-");
                    continue;
                }
                AccessFixtures fixtures = route.changesState() ? new AccessFixtures(jdbc) : shared;
                String got = outcome(route, column, fixtures, mismatches);
                outcomes.put(column, got);
                if (!got.equals(want)) {
                    mismatches.add(route + " as " + column + ": expected " + want + ", got " + got);
                }
            }
            actual.put(route, outcomes);
        }
        // rows of institutions elsewhere serving 蓝天's elders: each request on a set of records of its own
        for (Route route : table.keySet()) {
            if (route.institutionCommunity() == null) {
                continue;
            }
            assertThat(mapped).as("the route of row " + route).contains(route.mapped());
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (String column : USERS.keySet()) {
                String want = table.get(route).get(column);
                AccessFixtures fixtures = new AccessFixtures(jdbc, route.institutionCommunity());
                fixtures.stay();
                fixtures.waitingEntry();
                String got = outcome(route, column, fixtures, mismatches);
                outcomes.put(column, got);
                if (!got.equals(want)) {
                    mismatches.add(route + " as " + column + ": expected " + want + ", got " + got);
                }
            }
            actual.put(route, outcomes);
        }
        // the check that other regions see nothing sees something: the street of the records sees them on many pages (fewer when other tests fill the first page of a list)
        assertThat(shownToOwnStreet).as("pages showing the records to their own street").hasSizeGreaterThan(18)
                .contains("/subsidies/publicity/notice", "/payments/recoveries", "/waiting-list/{institution}/public",
                        "/elders/export");
        // the check that other regions change nothing sees changes: the region's own users make plenty
        assertThat(changedByOwnRegion).as("actions that changed their records").isGreaterThan(20);
        if (Boolean.getBoolean("accessMatrix.record")) {
            writeActual(actual);
            Files.write(Path.of("target", "access-matrix-problems.txt"), mismatches, StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("routes answering otherwise than " + TABLE + " says").isEmpty();
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutCsrfToken() throws Exception {
        Map<Route, Map<String, String>> table = table();
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (Route route : mappedRoutes()) {
            // the API (/api/**) is stateless: no session, so no CSRF token to check (a bearer token instead; ApiChainTest)
            if (!route.changesState() || route.pattern().startsWith("/api/")) {
                continue;
            }
            // as a user the route is open to, so that a 403 can only be the missing token
            String column = table.getOrDefault(route, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue().equals("OK")).map(Map.Entry::getKey).findFirst().orElse("ADMIN");
            AccessFixtures fixtures = new AccessFixtures(jdbc);
            MvcResult result = mvc.perform(build(route, fixtures).with(as(USERS.get(column))))
                    .andReturn();
            if (result.getResponse().getStatus() != 403) {
                accepted.add(route + " as " + column + ": " + result.getResponse().getStatus());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(accepted).as("state-changing routes that answered without a CSRF token").isEmpty();
    }

    private String outcome(Route route, String column, AccessFixtures fixtures, List<String> problems) throws Exception {
        MockHttpServletRequestBuilder request = build(route, fixtures)
                .with(as(USERS.get(column)));
        if (route.changesState()) {
            request = request.with(csrf());
        }
        // what another region's user does to a record must change nothing, whatever the answer
        boolean mustChangeNothing = route.changesState() && OTHERS.contains(column);
        String before = route.changesState() ? fixtures.state() : null;
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
            if (route.changesState() && !fixtures.state().equals(before)) {
                if (mustChangeNothing) {
                    problems.add(route + " as " + column + ": changed a record of another region");
                }
                else {
                    changedByOwnRegion++;
                }
            }
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            problems.add(route + " as " + column + ": " + root);
            return "ERR:" + root.getClass().getSimpleName();
        }
        int status = result.getResponse().getStatus();
        if (column.equals("STREET_REVIEWER") && !route.changesState() && text(result).contains(shared.marker)) {
            shownToOwnStreet.add(route.pattern());
        }
        if (OTHERS.contains(column)) {
            String body = text(result);
            for (AccessFixtures set : fixtures == shared ? List.of(shared) : List.of(shared, fixtures)) {
                for (String secret : set.secrets()) {
                    if (body.contains(secret)) {
                        problems.add(route + " as " + column + ": answer (" + status + ") shows " + secret);
                    }
                }
            }
        }
        if (status >= 200 && status < 400) {
            return "OK";
        }
        return Integer.toString(status);
    }

    /** The answer as text; spreadsheets are read cell by cell. */
    static String text(MvcResult result) throws IOException {
        byte[] bytes = result.getResponse().getContentAsByteArray();
        String type = String.valueOf(result.getResponse().getContentType());
        if (type.contains("spreadsheetml") || (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K')) {
            StringBuilder text = new StringBuilder();
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            text.append(cell.toString()).append('\t');
                        }
                        text.append('\n');
                    }
                }
            }
            return text.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder build(Route route, AccessFixtures fixtures) {
        String path = fill(route.path(), fixtures);
        HttpMethod method = route.method().equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(route.method());
        MockHttpServletRequestBuilder request = request(method, path);
        if (route.changesState()) {
            actionParameters(route, fixtures).forEach(request::param);
        }
        return request;
    }

    private String fill(String pattern, AccessFixtures fixtures) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String prefix = pattern.substring(0, matcher.start());
            matcher.appendReplacement(path,
                    Matcher.quoteReplacement(pathValue(pattern, prefix, matcher.group(1), fixtures)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The value of a path variable, from the pattern, the path before the variable and its name. */
    static String pathValue(String pattern, String prefix, String variable, AccessFixtures f) {
        long id = switch (variable) {
            case "elderId" -> prefix.startsWith("/visits/") ? f.visitElder() : f.elder();
            case "visitId" -> f.visit();
            case "alertId" -> f.visitAlert();
            case "ruleId" -> prefix.startsWith("/visits/rules/tiers/") ? f.visitTierRule() : f.visitRosterRule();
            case "institutionId", "institution" -> f.institution();
            case "grantId" -> f.grant();
            case "bedId" -> f.bed();
            case "stayId" -> f.stay();
            case "entry" -> f.waitingEntry();
            case "lineId" -> f.payeeLine();
            case "attachmentId" -> f.attachment();
            case "certificateId" -> f.supervisionCertificate();
            case "providerId" -> f.homeCareProvider();
            case "itemId" -> f.homeCareItem();
            case "planId" -> f.homeCarePlan();
            case "orderId" -> f.homeCareOrder();
            case "mealId" -> Long.MAX_VALUE;   // no such meal: the undo answers with its message
            case "change" -> -1;
            case "code" -> -2;
            case "month" -> -3;
            case "id" -> switch (prefix) {
                case "/elders/imports/" -> f.elderImport();
                case "/elders/status-imports/" -> f.statusImport();
                case "/elders/", "/api/v1/elders/" -> f.elder();
                case "/institutions/", "/api/v1/institutions/" -> f.institution();
                case "/caregivers/" -> f.caregiver();
                case "/admin/users/" -> f.user();
                case "/payments/batches/" -> pattern.contains("/bank-list") ? f.approvedBatch() : f.batch();
                case "/payments/recoveries/" -> f.recovery();
                case "/subsidies/applications/" -> pattern.endsWith("/edit") || pattern.endsWith("/resubmit")
                        ? f.returnedApplication() : f.application();
                case "/subsidies/policies/" -> f.draftPolicy();
                case "/subsidies/rechecks/" -> f.entitlement();
                case "/meal-points/" -> f.mealPoint();
                case "/subsidies/simulation/" -> f.publishedPolicy();
                case "/admin/targets/" -> f.target();
                case "/supervision/inspections/" -> f.supervisionInspection();
                case "/supervision/findings/" -> f.supervisionFinding();
                case "/supervision/incidents/" -> f.supervisionIncident();
                case "/supervision/attachments/" -> f.supervisionAttachment();
                case "/supervision/institutions/" -> f.institution();
                case "/supervision/ratings/" -> f.supervisionRating();
                case "/admin/api-clients/" -> f.apiClient();
                default -> throw new AssertionError("no record for {id} after " + prefix + ": add one to pathValue");
            };
            default -> throw new AssertionError("no value for {" + variable + "} after " + prefix + ": add one to pathValue");
        };
        if (variable.equals("change")) {
            return "moved-out";
        }
        if (variable.equals("code")) {
            return AccessFixtures.LANTIAN;
        }
        if (variable.equals("month")) {
            return "2019-03";   // a month long over, of the home-care call-backs and settlements
        }
        return Long.toString(id);
    }

    /**
     * Parameters sent with every state-changing request: enough for each action to get past binding to the checks of
     * role and region (versions of fresh records are 0). Forms bound to a form object get no fields of their own, so
     * they come back with validation errors and change nothing.
     */
    static Map<String, String> actionParameters(Route route, AccessFixtures f) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("version", "0");
        parameters.put("lockVersion", "0");
        parameters.put("action", "APPROVE");
        parameters.put("outcome", "RECOVERED");
        parameters.put("reserved", "true");
        parameters.put("elderId", Long.toString(f.elder()));
        parameters.put("meal", "LUNCH");
        parameters.put("mode", route.pattern().startsWith("/meal-points") ? "EAT_IN" : "SKIP");
        parameters.put("month", TestDates.thisMonth().toString());
        parameters.put("note", "matrix");
        // the bulk approval of the review queue: "application id:lock version"
        parameters.put("selected", f.application() + ":0");
        if (route.institutionCommunity() != null) {
            // a withdrawal with its reason: the rows of institutions elsewhere check who may really withdraw
            parameters.put("reason", "matrix");
        }
        if (route.pattern().startsWith("/supervision/")) {
            // an inspection of the fixture institution (module supervision)
            parameters.put("institutionId", Long.toString(f.institution()));
        }
        return parameters;
    }

    private void writeActual(Map<Route, Map<String, String>> actual) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("method,pattern," + String.join(",", USERS.keySet()));
        Set<Route> sorted = new LinkedHashSet<>(new TreeSet<>(actual.keySet()));
        for (Route route : sorted) {
            lines.add(route.method() + "," + route.pattern() + "," + String.join(",", actual.get(route).values()));
        }
        Path file = Path.of("target", "access-matrix-actual.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
