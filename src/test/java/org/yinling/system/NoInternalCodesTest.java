package org.yinling.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yinling.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 20 §2: no internal code where a person reads. Every GET route the application maps (pages, detail pages of the
 * access matrix's records and the demo data, and the prints) is requested as one demo user of each role, in Chinese
 * and in English; the text of each HTML answer (what a person reads: not attributes, not scripts) must not contain
 * <ul>
 *   <li>the name of a constant of any enum of the application ({@code org.yinling.**}, found by reflection),</li>
 *   <li>the code of a subsidy policy ({@code GAOLING}, {@code JUJIA}): a policy is shown by its name,</li>
 *   <li>the name of a table of the database (from {@code information_schema}): names with an underscore in both
 *   languages, one-word names ({@code elder}, {@code region}) on Chinese pages, where no English word belongs.</li>
 * </ul>
 * The audit log gets events with details of every shape first, so that its sentences are checked too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoInternalCodesTest {

    /** What {@link #pageText} answers for a server error: a page that fails shows nothing to check. */
    private static final String FAILED = "\u0000failed";
    /** Framework routes, the login page and the API docs (a developer's page, not a clerk's). */
    private static final Set<String> SKIPPED_ROUTES = Set.of("/error", "/login");
    /**
     * Constants that are ordinary words or abbreviations as printed, not codes: the standard's name, units.
     */
    private static final Set<String> ALLOWED = Set.of("GB", "ID", "PDF", "CSV", "XLSX", "API", "ADL", "URL",
            "HTTP", "HTTPS", "JSON", "EXCEL", "PM", "AM", "OK", "SMS", "GPS", "ISO");
    /** Routes that are not pages: downloads, JSON, the API documentation. */
    private static final Pattern NOT_A_PAGE = Pattern.compile("^/(v3/api-docs|swagger-ui|actuator|webjars|css|js|img)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private AccessFixtures f;
    private Map<String, Pattern> constants;
    private Map<String, Pattern> tablesEverywhere;
    private Map<String, Pattern> tablesInChinese;

    @BeforeAll
    void recordsAndCodes() throws Exception {
        f = new AccessFixtures(jdbc);
        f.elder();
        f.application();
        f.returnedApplication();
        f.publicityApplication();
        f.attachment();
        f.entitlement();
        f.stay();
        f.waitingEntry();
        f.caregiver();
        f.mealPoint();
        f.payeeLine();
        f.recovery();
        f.elderImport();
        f.statusImport();
        // audit events of every shape the viewer has to read: before/after with coded values, nested maps, lists
        transaction.executeWithoutResult(s -> {
            auditLog.recordAs("district", "USER_UPDATED", "app_user", f.user(), Map.of(
                    "before", Map.of("role", "STREET_REVIEWER", "regionCode", "330105001000", "enabled", true),
                    "after", Map.of("role", "DISTRICT_STAFF", "regionCode", "330105000000", "enabled", false)));
            auditLog.recordAs("district", "MONTHLY_REPORT_EXPORTED", "region", "330105000000",
                    Map.of("month", "2026-11"));
            auditLog.recordAs("district", "PAYMENT_BATCH_APPROVED", "payment_batch", f.batch(),
                    Map.of("lines", List.of("REGULAR", "BACK_PAY"), "amounts", Map.of("REGULAR", 100, "BACK_PAY", 50)));
            auditLog.recordAs(AuditLog.SYSTEM, "SOME_FUTURE_ACTION", "some_future_table", 1,
                    Map.of("kind", "NOT_A_LABELLED_CODE"));
        });
        constants = new TreeMap<>();
        for (String name : enumConstants()) {
            constants.put(name, word(name));
        }
        // the demo's policies (other tests' policies carry their codes in their names, which is data)
        for (String code : jdbc.sql("SELECT DISTINCT code FROM subsidy_policy WHERE demo").query(String.class).list()) {
            constants.put(code, word(code));
        }
        // a home-care item's code is the district's own identifier, typed in its form and shown beside the item's name;
        // the demo's codes happen to read like the category constants (HOUSEKEEPING)
        jdbc.sql("SELECT code FROM home_care_item").query(String.class).list().forEach(constants::remove);
        tablesEverywhere = new TreeMap<>();
        tablesInChinese = new TreeMap<>();
        for (String table : jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_name NOT LIKE 'flyway%'
                        """).query(String.class).list()) {
            (table.contains("_") ? tablesEverywhere : tablesInChinese).put(table, word(table));
        }
        tablesEverywhere.put("some_future_table", word("some_future_table"));
        constants.put("NOT_A_LABELLED_CODE", word("NOT_A_LABELLED_CODE"));
        constants.put("SOME_FUTURE_ACTION", word("SOME_FUTURE_ACTION"));
    }

    @Test
    void noPageOrPrintShowsAnEnumConstantAPolicyCodeOrATableName() throws Exception {
        assertThat(constants).as("enum constants found by reflection")
                .containsKeys("DISTRICT_STAFF", "OPERATING", "ACTIVE", "GAOLING", "JUJIA", "MONTHLY");
        assertThat(tablesEverywhere).containsKeys("audit_event", "app_user", "subsidy_policy");
        Map<String, Set<String>> offences = new TreeMap<>();
        int pages = 0;
        List<String> users = jdbc.sql("""
                        SELECT DISTINCT ON (role) username FROM app_user WHERE demo AND enabled
                        ORDER BY role, username
                        """).query(String.class).list();
        assertThat(users).contains("admin", "district");
        for (String route : pages()) {
            String path;
            try {
                path = GetRoutes.fill(route, f);
            } catch (AssertionError e) {
                continue; // a route whose record the access fixtures do not know yet: AccessMatrixTest asks for it
            }
            for (String user : users) {
                for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    String text = pageText(path, user, locale);
                    if (text == null) {
                        continue;
                    }
                    if (text.equals(FAILED)) {
                        offences.computeIfAbsent(route + " (" + locale.getLanguage() + ")", r -> new TreeSet<>())
                                .add("a server error as " + user);
                        continue;
                    }
                    pages++;
                    List<String> found = new ArrayList<>();
                    find(text, constants, found);
                    find(text, tablesEverywhere, found);
                    if (locale.getLanguage().equals("zh")) {
                        // user administration shows user names, which people choose: the demo institution manager
                        // signs in as "institution" (issue 23), a word that is also a table's name
                        find(route.startsWith("/admin/users") ? text.replace("institution", "") : text,
                                tablesInChinese, found);
                    }
                    for (String code : found) {
                        offences.computeIfAbsent(route + " (" + locale.getLanguage() + ")", r -> new TreeSet<>())
                                .add(code + " as " + user);
                    }
                }
            }
        }
        assertThat(pages).as("pages read").isGreaterThan(200);
        assertThat(offences).as("pages and prints showing an internal code (enum constant, policy code or table name)")
                .isEmpty();
    }

    @Test
    void theAuditLogReadsAsSentences() throws Exception {
        String zh = pageText("/admin/audit?actor=district&action=MONTHLY_REPORT_EXPORTED", "admin", Locale.SIMPLIFIED_CHINESE)
                + pageText("/admin/audit?actor=district&action=USER_UPDATED", "admin", Locale.SIMPLIFIED_CHINESE);
        String district = jdbc.sql("SELECT display_name FROM app_user WHERE username = 'district'")
                .query(String.class).single();
        assertThat(zh).contains(district + " 导出了区域 拱墅区").contains(" 2026-11 的月度报表")
                .contains("角色：").contains("区民政局工作人员").contains("→")
                .doesNotContain("MONTHLY_REPORT_EXPORTED").doesNotContain("{\"").doesNotContain("app_user");
        String en = pageText("/admin/audit?actor=district&action=MONTHLY_REPORT_EXPORTED", "admin", Locale.ENGLISH)
                + pageText("/admin/audit?actor=district&action=USER_UPDATED", "admin", Locale.ENGLISH);
        assertThat(en).contains(district + " exported the monthly report of region ").contains("for 2026-11")
                .contains("Role: ").contains("District staff").doesNotContain("DISTRICT_STAFF").doesNotContain("{\"");
        String system = pageText("/admin/audit?actor=system", "admin", Locale.SIMPLIFIED_CHINESE);
        assertThat(system).contains("系统 其他操作（记录 编号1）").doesNotContain("SOME_FUTURE_ACTION")
                .doesNotContain("some_future_table").doesNotContain("NOT_A_LABELLED_CODE");
    }

    /** The visible text of an HTML answer (2xx only), or null for anything else. */
    private String pageText(String path, String user, Locale locale) {
        try {
            MvcResult result = mvc.perform(get(path).with(as(user)).locale(locale)
                    .param("lang", locale.toLanguageTag())).andReturn();
            int status = result.getResponse().getStatus();
            String type = String.valueOf(result.getResponse().getContentType());
            if (status >= 500) {
                return FAILED;
            }
            if (status < 200 || status >= 300 || !type.startsWith("text/html")) {
                return null;
            }
            Document document = Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            return document.body() == null ? "" : document.body().text() + " " + document.title();
        } catch (Exception e) {
            return null;
        }
    }

    private static void find(String text, Map<String, Pattern> words, List<String> found) {
        for (Map.Entry<String, Pattern> word : words.entrySet()) {
            if (text.contains(word.getKey()) && word.getValue().matcher(text).find()) {
                found.add(word.getKey());
            }
        }
    }

    /** The name as a whole word: not inside a longer identifier, a path or a number. */
    private static Pattern word(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_./-])" + Pattern.quote(name) + "(?![A-Za-z0-9_/-])");
    }

    /** The constants of every enum under org.yinling, names of 3 characters or more that are not ordinary abbreviations. */
    private static Set<String> enumConstants() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.yinling")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (name.length() >= 3 && !ALLOWED.contains(name)) {
                    names.add(name);
                }
            }
        }
        assertThat(names).as("enum constants under org.yinling").hasSizeGreaterThan(100);
        return names;
    }


    /** Every GET page but the framework's and the login page. */
    private Set<String> pages() {
        Set<String> pages = new TreeSet<>();
        for (GetRoutes.Route route : GetRoutes.of(handlerMapping)) {
            if (!SKIPPED_ROUTES.contains(route.pattern()) && !NOT_A_PAGE.matcher(route.pattern()).find()) {
                pages.add(route.pattern());
            }
        }
        return pages;
    }
}
