package org.yinling.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yinling.system.TestUsers.as;

/**
 * Markup and spreadsheet formulas typed into free-text fields, through the real forms, come out as text: escaped on
 * every page that shows them (lists, detail pages, the review queue, the publicity notice) and kept as typed text, unchanged, in every
 * export (elder export, bank list .xlsx and .csv, meal settlement .xlsx).
 */
@SpringBootTest
@AutoConfigureMockMvc
class EscapingTest {

    /** What an attacker types into a text field. */
    static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'&";
    /** For fields of at most 50 characters. */
    static final String SHORT = "<script>alert(1)</script>\"'&";
    /** The same, as Thymeleaf writes it. */
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";
    static final String LANTIAN = "330105001001";
    static final String SHANGTANG = "330105001000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void regionNamesAndUserDisplayNamesAreEscaped() throws Exception {
        // a community code of 上塘 street that no region has yet
        String code = jdbc.sql("""
                SELECT c FROM generate_series(90, 999) n, LATERAL (SELECT '330105001' || lpad(n::text, 3, '0') AS c) x
                WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = x.c) ORDER BY random() LIMIT 1
                """).query(String.class).single();
        submit(post("/admin/regions").with(as("admin")).param("code", code).param("parentCode", SHANGTANG)
                .param("name", MARKUP + tag).param("urbanRuralClass", "MAIN_URBAN").param("registeredPopulation", "1000"));
        assertEscaped(page(get("/admin/regions").param("parent", SHANGTANG).with(as("admin"))), true);
        // the community appears among the choices of the elder form of the district
        assertEscaped(page(get("/elders/new").with(as("district"))), true);

        String username = "xss" + tag;
        submit(post("/admin/users").with(as("admin")).param("username", username).param("displayName", MARKUP)
                .param("role", "COMMUNITY_CLERK").param("regionCode", LANTIAN)
                .param("password", "Escape12345").param("passwordConfirm", "Escape12345"));
        assertEscaped(page(get("/admin/users").param("q", username).with(as("admin"))), true);
        assertEscaped(page(get("/admin/audit").with(as("admin"))), false);
        // the page header shows the user's own name (on the change-password page: the administrator chose the password)
        assertEscaped(page(get("/account/password").with(as(username))), true);
    }

    @Test
    void elderApplicationPublicityAndBankListShowTextAsText() throws Exception {
        String name = "甲=2+3\"'&" + tag;
        String residentId = residentId(TestDates.today().minusYears(85).minusDays(40));
        String location = submit(post("/elders").with(as("district"))
                .param("residentId", residentId).param("name", name).param("phone", "13800138000")
                .param("hukouLocal", "true").param("communityCode", LANTIAN).param("address", MARKUP)
                .param("livingArrangement", "ALONE").param("economicStatus", "NONE").param("guardianName", SHORT)
                .param("emergencyName", SHORT).param("notes", MARKUP)
                .param("ethnicity", "汉"));
        long elder = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String escapedName = "甲=2+3&quot;&#39;&amp;" + tag;

        String detail = page(get("/elders/{id}", elder).with(as("community")));
        assertEscaped(detail, true);
        assertThat(detail).contains(escapedName).doesNotContain(name);
        assertEscaped(page(get("/elders/{id}/edit", elder).with(as("community"))), true);
        String list = page(get("/elders").param("q", name).with(as("community")));
        assertEscaped(list, false);
        assertThat(list).contains(escapedName).doesNotContain(name);

        List<String> exported = cells(mvc.perform(get("/elders/export").param("q", name).with(as("community")))
                .andReturn());
        assertThat(exported).contains(name).contains(MARKUP);
        assertNoFormula(exported);

        // an application with markup in its notes, document number and payee bank, decided with markup in the notes
        long policy = policyNamed(MARKUP + tag);
        submit(post("/subsidies/applications").with(as("community")).param("elderId", Long.toString(elder))
                .param("policyId", Long.toString(policy)).param("payeeBank", "=HYPERLINK(\"x\")")
                .param("payeeAccount", "6228480000000000001").param("notes", MARKUP)
                .param("documentType", "ID_CARD").param("documentNumber", MARKUP));
        long application = jdbc.sql("SELECT id FROM subsidy_application WHERE elder_id = ?").param(elder)
                .query(Long.class).single();
        assertEscaped(page(get("/subsidies/reviews").with(as("street"))), true);
        assertEscaped(page(get("/subsidies/applications/{id}", application).with(as("street"))), true);
        decide("street", application);
        decide("district", application);
        String detailAfter = page(get("/subsidies/applications/{id}", application).with(as("district")));
        assertEscaped(detailAfter, true);
        assertEscaped(page(get("/subsidies/applications").param("q", name).with(as("district"))), false);
        assertEscaped(page(get("/subsidies/publicity").with(as("district"))), false);
        String notice = page(get("/subsidies/publicity/notice").param("policy", policyCode(policy)).with(as("district")));
        assertEscaped(notice, false);
        assertEscaped(page(get("/subsidies/policies/{id}", policy).with(as("district"))), true);
        // the list searched by the policy's code: other tests' policies fill the first pages (20 a page, by code)
        assertEscaped(page(get("/subsidies/policies").param("q", policyCode(policy)).with(as("district"))), true);

        // the month's bank list, with the elder's line
        jdbc.sql("UPDATE subsidy_application SET publicity_ends = CURRENT_DATE - 1 WHERE id = ?").param(application)
                .update();
        submit(post("/subsidies/publicity/conclude").with(as("district")));
        long batch = bankListBatch(elder);
        List<String> xlsx = cells(mvc.perform(get("/payments/batches/{id}/bank-list.xlsx", batch).with(as("district")))
                .andReturn());
        assertThat(xlsx).contains(name).contains("=HYPERLINK(\"x\")");
        assertNoFormula(xlsx);
        String csv = mvc.perform(get("/payments/batches/{id}/bank-list.csv", batch).with(as("district"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the bank's CSV carries the values unchanged (docs/security.md); names cannot start like a formula
        assertThat(csv).contains("\"甲=2+3").doesNotContain("'=");
        String batchPage = page(get("/payments/batches/{id}", batch).with(as("district")));
        assertThat(batchPage).doesNotContain(name);
    }

    @Test
    void institutionsAndMealPointsShowTextAsText() throws Exception {
        String name = "院=1+1\"'&/[" + tag + "]";
        String location = submit(post("/institutions").with(as("district")).param("name", name)
                .param("kind", "PUBLIC_HOME").param("ownership", "PUBLIC").param("communityCode", LANTIAN)
                .param("status", "OPERATING").param("medicalArrangement", "NONE").param("operator", MARKUP)
                .param("address", MARKUP).param("contactName", SHORT).param("notes", MARKUP));
        long institution = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEscaped(page(get("/institutions/{id}", institution).with(as("street"))), true);
        String list = page(get("/institutions").with(as("street")));
        assertEscaped(list, false);
        assertThat(list).doesNotContain(name);
        assertEscaped(page(get("/waiting-list").param("institution", Long.toString(institution)).with(as("street"))),
                false);
        assertEscaped(page(get("/waiting-list/{id}/public", institution).with(as("street"))), false);

        String pointName = "点=HYPERLINK(\"http://x\")'&/[" + tag + "]";
        location = submit(post("/meal-points").with(as("district")).param("name", pointName).param("kind", "CANTEEN")
                .param("communityCode", LANTIAN).param("servesLunch", "true").param("address", MARKUP)
                .param("operator", MARKUP).param("payeeBank", MARKUP));
        long point = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEscaped(page(get("/meal-points/{id}", point).with(as("community"))), true);
        assertEscaped(page(get("/meal-points").with(as("community"))), false);
        assertEscaped(page(get("/meal-points/{id}/meals", point).with(as("community"))), false);
        assertEscaped(page(get("/meal-points/{id}/settlement", point).with(as("district"))), false);
        MvcResult settlement = mvc.perform(get("/meal-points/{id}/settlement.xlsx", point).with(as("district")))
                .andReturn();
        assertThat(settlement.getResponse().getStatus()).isEqualTo(200);
        assertNoFormula(cells(settlement));
    }

    @Test
    void uploadedFilesNotesAndReasonsShowTextAsText() throws Exception {
        // an elder import whose rows carry markup and formulas: the report shows them, the error report lists them
        String header = "身份证号*,姓名*,社区代码*,居住地址,电话,民族,本地户籍,居住状况*,孤寡,失独,经济状况*,家庭人均月收入\n";
        String csv = header
                + residentId(LocalDate.of(1941, 1, 1)) + "," + csvCell(MARKUP) + "," + LANTIAN + "," + csvCell(MARKUP)
                + ",=1+1,汉族,是,独居,否,否,无,\n"
                + "=HYPERLINK(\"x\")," + csvCell(SHORT) + "," + LANTIAN + ",-2+3,@SUM(1),汉族,是,独居,否,否,无,\n";
        String location = mvc.perform(multipart("/elders/import").file(new MockMultipartFile("file", "xss.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("mode", "SKIP").with(as("district")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/elders/imports/");
        long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await("import " + importId + " read").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT state FROM elder_import WHERE id = ?").param(importId)
                        .query(String.class).single(), not(equalTo("READING")));
        assertEscaped(page(get("/elders/imports/{id}", importId).with(as("district"))), true);
        List<String> errors = cells(mvc.perform(get("/elders/imports/{id}/errors", importId).with(as("district")))
                .andReturn());
        // (a quote inside an unquoted cell is kept, as Excel keeps it)
        assertThat(errors).contains("=HYPERLINK(\"x\")");
        assertNoFormula(errors);

        // a list of deaths whose source and document number are markup and a formula
        String deaths = "身份证号,日期,来源单位,文书编号\n" + residentId(LocalDate.of(1942, 2, 2)) + ","
                + TestDates.today().minusDays(3) + "," + csvCell(MARKUP) + ",=1+1\n";
        location = mvc.perform(multipart("/elders/status-imports").file(new MockMultipartFile("file", "deaths.csv",
                        "text/csv", deaths.getBytes(StandardCharsets.UTF_8))).param("kind", "DEATH")
                        .with(as("district")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/elders/status-imports/");
        assertEscaped(page(get(location).with(as("district"))), false);

        // reasons and notes typed into actions
        AccessFixtures records = new AccessFixtures(jdbc);
        submit(post("/payments/recoveries/{id}/close", records.recovery()).with(as("street"))
                .param("outcome", "WAIVED").param("note", MARKUP));
        assertEscaped(page(get("/payments/recoveries").param("state", "WAIVED").with(as("street"))), false);
        submit(post("/waiting-list/{i}/{e}/withdraw", records.institution(), records.waitingEntry()).with(as("street"))
                .param("reason", MARKUP));
        assertEscaped(page(get("/waiting-list").param("institution", Long.toString(records.institution()))
                .with(as("street"))), false);
        submit(post("/caregivers").with(as("street")).param("institutionId", Long.toString(records.institution()))
                .param("name", "护理\"'&" + tag).param("certificateType", SHORT).param("certificateNumber", SHORT)
                .param("certificateLevel", "<b>高</b>"));
        assertEscaped(page(get("/caregivers").param("institution", Long.toString(records.institution()))
                .with(as("street"))), true);
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Posts a form (with its CSRF token) that must be accepted: a redirect; returns where to. */
    private String submit(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("form refused: " + result.getModelAndView() + " " + errorsOf(result)).isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private static String errorsOf(MvcResult result) {
        if (result.getModelAndView() == null) {
            return "";
        }
        StringBuilder errors = new StringBuilder();
        result.getModelAndView().getModel().forEach((key, value) -> {
            if (value instanceof org.springframework.validation.BindingResult binding && binding.hasErrors()) {
                errors.append(binding.getAllErrors());
            }
        });
        return errors.toString();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(request.toString()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** No raw markup; where the page shows the field, its escaped form. */
    static void assertEscaped(String html, boolean showsTheField) {
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x onerror");
        if (showsTheField) {
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    static List<String> cells(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            cells.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return cells;
    }

    /**
     * No cell that Excel or WPS would evaluate: {@link #cells} fails on any formula cell, and text reaches the
     * workbook as typed string cells, unchanged (no apostrophe), whatever its first character.
     */
    static void assertNoFormula(List<String> cells) {
        assertThat(cells).noneMatch(cell -> cell.startsWith("'="));
    }

    private String residentId(LocalDate birth) {
        while (true) {
            String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", (int) (Math.random() * 998) + 1);
            String id = body + ResidentId.checkCharacter(body);
            if (jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = ?").param(id).query(Integer.class).single() == 0) {
                return id;
            }
        }
    }

    /** A published age allowance of the district (the rule of the demo one) under the given name. */
    private long policyNamed(String name) {
        String code = ("XSS-" + tag).toUpperCase();
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, published_at, published_by, created_by, updated_by)
                        SELECT ?, 1, ?, kind, region_code, effective_from, frequency, back_pay_months, rule, 'PUBLISHED',
                            now(), 'test', 'test', 'test'
                        FROM subsidy_policy WHERE kind = 'AGE_ALLOWANCE' AND status = 'PUBLISHED' AND region_code = ?
                        ORDER BY id LIMIT 1 RETURNING id
                        """)
                .params(code, name, "330105000000").query(Long.class).single();
    }

    private String policyCode(long policy) {
        return jdbc.sql("SELECT code FROM subsidy_policy WHERE id = ?").param(policy).query(String.class).single();
    }

    private void decide(String username, long application) throws Exception {
        long lockVersion = jdbc.sql("SELECT lock_version FROM subsidy_application WHERE id = ?").param(application)
                .query(Long.class).single();
        submit(post("/subsidies/applications/{id}/decision", application).with(as(username)).param("action", "APPROVE")
                .param("note", MARKUP).param("lockVersion", Long.toString(lockVersion)));
    }

    /** An approved batch of a month of its own, with a line for the elder's entitlement. */
    private long bankListBatch(long elder) {
        LocalDate month = LocalDate.of(1970 + (int) (Math.random() * 9), 1 + (int) (Math.random() * 12), 1);
        long batch = jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by, approved_at,
                            approved_by)
                        VALUES ('330105000000', ?, 'APPROVED', now(), 'test', now(), 'test2') RETURNING id
                        """).param(month).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                            elder_name, resident_id, community_code, policy_version, tier_index, amount, reference,
                            payee_bank, payee_account)
                        SELECT ?, e.id, e.elder_id, e.policy_id, e.policy_code, ?, 'REGULAR', el.name, el.resident_id,
                            e.community_code, 1, e.tier_index, 100, ?, e.payee_bank, e.payee_account
                        FROM subsidy_entitlement e JOIN elder el ON el.id = e.elder_id WHERE e.elder_id = ?
                        """)
                .params(batch, month, "XSS" + UUID.randomUUID().toString().substring(0, 20), elder).update();
        return batch;
    }
}
