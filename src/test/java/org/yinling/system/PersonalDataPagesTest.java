package org.yinling.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yinling.account.PersonalData;
import org.yinling.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yinling.system.TestUsers.as;

/**
 * Pen test M3 and L1: who sees full resident IDs, phone numbers and bank accounts, and that every such view is in the
 * audit log.
 *
 * <p>The pages are not listed by hand: every GET route the application maps (from the
 * {@link RequestMappingHandlerMapping}, so a new page cannot escape) is requested with the access matrix's records of
 * 蓝天 community ({@link AccessFixtures}), whose elders are given phone numbers and whose applications and entitlement a
 * bank account, and an import error row with the elder's ID. Each answer (pages, and spreadsheets read cell by cell) is
 * searched for those numbers in full.
 * <ul>
 *   <li>For the roles that see personal data in full ({@link Role#seesFullPersonalData()}): every answer that shows one
 *   must have written, during that request, an audit row of a view ({@code …_VIEWED}, {@code …_EXPORTED},
 *   {@code …_DOWNLOADED}) by that user naming the record of the path (or, for a list or file without one, any).</li>
 *   <li>For the manager and the administrator: no answer may show one, whatever it is, including the export asked for
 *   with full IDs.</li>
 * </ul>
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataPagesTest {

    /** Users whose role sees personal data in full, and those whose role does not. */
    private static final Map<String, Role> USERS = new LinkedHashMap<>();

    static {
        USERS.put("district", Role.DISTRICT_STAFF);
        USERS.put("street", Role.STREET_REVIEWER);
        USERS.put("community", Role.COMMUNITY_CLERK);
        USERS.put("manager", Role.MANAGER);
        USERS.put("admin", Role.ADMIN);
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Framework routes and the login page: no personal data, not pages of the application's own. */
    private static final Set<String> SKIPPED = Set.of("/error", "/login");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private AccessFixtures f;
    /** Full number → what it is, for the messages. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    @BeforeAll
    void recordsWithPersonalNumbers() {
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
        for (Map<String, Object> elder : jdbc.sql("SELECT id, resident_id FROM elder WHERE name LIKE ?")
                .param(f.marker + "%").query().listOfRows()) {
            String phone = "139" + digits(8);
            String guardian = "137" + digits(8);
            String emergency = "0571" + digits(8);
            jdbc.sql("""
                            UPDATE elder SET phone = ?, guardian_name = '监护人', guardian_relation = '子女',
                                guardian_phone = ?, emergency_name = '邻居', emergency_phone = ? WHERE id = ?
                            """).params(phone, guardian, emergency, elder.get("id")).update();
            secrets.put((String) elder.get("resident_id"), "resident ID");
            secrets.put(phone, "phone");
            secrets.put(guardian, "guardian phone");
            secrets.put(emergency, "emergency phone");
        }
        String account = "62220" + digits(11);
        secrets.put(account, "bank account");
        jdbc.sql("UPDATE subsidy_application SET payee_bank = '测试银行', payee_account = ? WHERE id IN (?, ?, ?)")
                .params(account, f.application(), f.returnedApplication(), f.publicityApplication()).update();
        jdbc.sql("UPDATE subsidy_entitlement SET payee_account = ? WHERE id = ?").params(account, f.entitlement()).update();
        // an ID card noted with the application, its number the elder's
        jdbc.sql("UPDATE subsidy_attachment SET document_number = ? WHERE id = ?")
                .params(f.residentId, f.attachment()).update();
        // a row of the import with a problem: the error list repeats the file's ID
        jdbc.sql("""
                        INSERT INTO elder_import_row (import_id, row_no, resident_id, name, errors, outcome)
                        VALUES (?, 2, ?, ?, ARRAY['RESIDENT_ID|import.residentId.duplicateInFile'], 'ERROR')
                        """).params(f.elderImport(), f.residentId, f.elderName).update();
        assertThat(secrets).hasSizeGreaterThan(8);
    }

    @Test
    void everyAnswerShowingAFullIdPhoneOrBankAccountIsAnAuditedViewOfItsRecord() throws Exception {
        List<String> unaudited = new ArrayList<>();
        Map<String, Set<String>> shownTo = new LinkedHashMap<>();
        for (String route : pages()) {
            String path = GetRoutes.fill(route, f);
            for (Map.Entry<String, Role> user : USERS.entrySet()) {
                if (!user.getValue().seesFullPersonalData()) {
                    continue;
                }
                long before = lastAuditId();
                MvcResult result = fetch(path, user.getKey());
                if (result == null) {
                    continue;
                }
                List<String> shown = shownSecrets(AccessMatrixTest.text(result));
                if (shown.isEmpty()) {
                    continue;
                }
                shownTo.computeIfAbsent(route, r -> new TreeSet<>()).add(user.getKey());
                Set<String> named = new TreeSet<>();
                Matcher numbers = NUMBER.matcher(path);
                while (numbers.find()) {
                    named.add(numbers.group());
                }
                List<String> views = jdbc.sql("""
                                SELECT coalesce(entity_id, '') FROM audit_event
                                WHERE id > ? AND actor = ? AND action ~ '_(VIEWED|EXPORTED|DOWNLOADED)$'
                                """).params(before, user.getKey()).query(String.class).list();
                boolean audited = views.stream().anyMatch(id -> named.isEmpty() ? true : named.contains(id));
                if (!audited) {
                    unaudited.add("GET " + path + " (" + route + ") as " + user.getKey() + " shows " + shown
                            + " but wrote no audit row of a view of its record (audited views: " + views + ")");
                }
            }
        }
        // the scan sees the pages that do show full numbers, to each role that may see them
        assertThat(shownTo).as("routes showing full personal numbers, and to whom")
                .containsEntry("/elders/{id}", new TreeSet<>(Set.of("community", "district", "street")))
                .containsKeys("/elders/{id}/edit", "/subsidies/applications/{id}", "/subsidies/applications/{id}/edit",
                        "/elders/export", "/elders/imports/{id}/errors");
        assertThat(unaudited).as("answers with full resident IDs, phones or bank accounts and no audited view").isEmpty();
    }

    @Test
    void managersAndTheAdministratorSeeThemMaskedOnEveryPageAndInEveryFile() throws Exception {
        List<String> shownInFull = new ArrayList<>();
        int answered = 0;
        List<String> paths = new ArrayList<>();
        for (String route : pages()) {
            paths.add(GetRoutes.fill(route, f));
        }
        // the export asked for with full IDs, as the pen test did
        paths.add("/elders/export?fullIds=true");
        for (String path : paths) {
            for (Map.Entry<String, Role> user : USERS.entrySet()) {
                if (user.getValue().seesFullPersonalData()) {
                    continue;
                }
                MvcResult result = fetch(path, user.getKey());
                if (result == null) {
                    continue;
                }
                answered++;
                List<String> shown = shownSecrets(AccessMatrixTest.text(result));
                if (!shown.isEmpty()) {
                    shownInFull.add("GET " + path + " as " + user.getKey() + " shows " + shown);
                }
            }
        }
        assertThat(answered).as("pages the manager and the administrator reached").isGreaterThan(30);
        assertThat(shownInFull).as("full personal numbers shown to a role that sees them masked").isEmpty();
        // and what they do see is the masked form
        String detail = AccessMatrixTest.text(fetch("/elders/" + f.elder(), "manager"));
        assertThat(detail).contains(f.residentId.substring(0, 6) + "********" + f.residentId.substring(14));
        String phone = jdbc.sql("SELECT phone FROM elder WHERE id = ?").param(f.elder()).query(String.class).single();
        assertThat(detail).contains(PersonalData.maskPhone(phone));
    }

    @Test
    void theRuleIsOneMethodPerRole() {
        assertThat(Role.DISTRICT_STAFF.seesFullPersonalData()).isTrue();
        assertThat(Role.STREET_REVIEWER.seesFullPersonalData()).isTrue();
        assertThat(Role.COMMUNITY_CLERK.seesFullPersonalData()).isTrue();
        assertThat(Role.MANAGER.seesFullPersonalData()).isFalse();
        assertThat(Role.ADMIN.seesFullPersonalData()).isFalse();
        assertThat(PersonalData.maskPhone("13912345678")).isEqualTo("139****5678");
        assertThat(PersonalData.maskAccount("6222000011112222")).isEqualTo("622*********2222");
        assertThat(PersonalData.maskPhone("12345")).isEqualTo("*****");
        assertThat(PersonalData.maskPhone(null)).isNull();
    }

    private List<String> shownSecrets(String body) {
        List<String> shown = new ArrayList<>();
        secrets.forEach((secret, kind) -> {
            if (body.contains(secret)) {
                shown.add(kind);
            }
        });
        return shown;
    }

    /** The answer if it is 2xx; null for a refusal, a redirect or an error (they show no record). */
    private MvcResult fetch(String path, String username) {
        try {
            MvcResult result = mvc.perform(get(path).with(as(username))).andReturn();
            int status = result.getResponse().getStatus();
            return status >= 200 && status < 300 ? result : null;
        }
        catch (Exception e) {
            return null;
        }
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }
    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    /** Every GET page but the framework's error page and the login page. */
    private Set<String> pages() {
        Set<String> pages = new TreeSet<>();
        for (GetRoutes.Route route : GetRoutes.of(handlerMapping)) {
            if (!SKIPPED.contains(route.pattern())) {
                pages.add(route.pattern());
            }
        }
        return pages;
    }
}
