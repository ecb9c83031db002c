package org.yinling.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
 * Pen-test finding "data changed by formula neutralisation": the bank list, the elder export and the import error
 * list used to prefix {@code '} to text starting with {@code = + - @}, so an account holder's name sent to the bank
 * was changed. Text now goes out unchanged, in the .xlsx as typed string cells (checked in the sheet XML and by
 * reading the cell type back), in the bank CSV as data; and names cannot start like a formula at entry.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpreadsheetTextTest {

    static final String LANTIAN = "330105001001";
    static final String REFUSED = "名称不能以 = + - @ 开头";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theBankListCarriesNamesAndAccountsExactlyAsRecordedAsTypedTextCells() throws Exception {
        // recorded before names were checked at entry (or by a data fix): a payee whose name starts like a formula
        String payee = "=HYPERLINK(\"http://x\",\"院\")" + tag;
        String bank = "+86 农行" + tag;
        String account = "-6228480000" + tag.hashCode() % 1000;
        long institution = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', 'PRIVATE', ?, 'test', 'test') RETURNING id
                        """).params(payee, LANTIAN).query(Long.class).single();
        LocalDate month = LocalDate.of(1960 + (int) (Math.random() * 9), 1 + (int) (Math.random() * 12), 1);
        long batch = jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by, approved_at,
                            approved_by)
                        VALUES ('330105000000', ?, 'APPROVED', now(), 'test', now(), 'test2') RETURNING id
                        """).param(month).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO payment_payee_line (batch_id, institution_id, kind, month, payee_name, community_code,
                            residents, amount, payee_bank, payee_account, reference)
                        VALUES (?, ?, 'OPERATING', ?, ?, ?, 3, 300, ?, ?, ?)
                        """).params(batch, institution, month.minusMonths(1), payee, LANTIAN, bank, account, "FT" + tag)
                .update();

        byte[] xlsx = mvc.perform(get("/payments/batches/{id}/bank-list.xlsx", batch).with(as("district")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, CellType> cells = typedCells(xlsx);
        assertThat(cells).containsEntry(payee, CellType.STRING).containsEntry(bank, CellType.STRING)
                .containsEntry(account, CellType.STRING);
        assertThat(cells.keySet()).noneMatch(text -> text.startsWith("'"));
        assertStringCellsOnly(xlsx, payee);

        String csv = mvc.perform(get("/payments/batches/{id}/bank-list.csv", batch).with(as("district"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(quoted(payee) + ",\"\"," + quoted(bank) + "," + quoted(account) + ",")
                .doesNotContain("'=").doesNotContain("'+").doesNotContain("'-");
    }

    @Test
    void theElderExportAndTheImportErrorListCarryTextUnchanged() throws Exception {
        String name = "@张" + tag;
        String address = "=1+2 号" + tag;
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, address, phone,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-03-03', TRUE, ?, ?, '-5550000', 'ALONE', 'NONE', 'test', 'test')
                        """).params(residentId(LocalDate.of(1940, 3, 3)), name, LANTIAN, address).update();
        byte[] export = mvc.perform(get("/elders/export").param("q", name).with(as("community")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(typedCells(export)).containsEntry(name, CellType.STRING).containsEntry(address, CellType.STRING)
                .containsEntry("-5550000", CellType.STRING);
        assertStringCellsOnly(export, name);

        String formulaName = "=1+1导入" + tag;
        String csv = "身份证号*,姓名*,社区代码*,居住地址,电话,民族,本地户籍,居住状况*,孤寡,失独,经济状况*,家庭人均月收入\n"
                + residentId(LocalDate.of(1941, 4, 4)) + "," + formulaName + "," + LANTIAN + ",地址,,汉族,是,独居,否,否,无,\n";
        String location = mvc.perform(multipart("/elders/import").file(new MockMultipartFile("file", "f.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("mode", "SKIP").with(as("district")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/elders/imports/");
        long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await("import " + importId + " read").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT state FROM elder_import WHERE id = ?").param(importId)
                        .query(String.class).single(), not(equalTo("READING")));
        assertThat(page(get("/elders/imports/{id}", importId).with(as("district")))).contains(REFUSED);
        byte[] errors = mvc.perform(get("/elders/imports/{id}/errors", importId).with(as("district")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(typedCells(errors)).containsEntry(formulaName, CellType.STRING);
        assertStringCellsOnly(errors, formulaName);
    }

    @Test
    void namesThatStartLikeAFormulaAreRefusedAtEntryWithAClearMessage() throws Exception {
        for (String name : List.of("=1+1甲" + tag, "+甲" + tag, "-甲" + tag, "@甲" + tag)) {
            assertThat(refused(post("/elders").with(as("district"))
                    .param("residentId", residentId(TestDates.today().minusYears(80))).param("name", name)
                    .param("hukouLocal", "true").param("communityCode", LANTIAN).param("livingArrangement", "ALONE")
                    .param("economicStatus", "NONE"))).as(name).contains(REFUSED);
        }
        assertThat(refused(post("/institutions").with(as("district")).param("name", "=机构" + tag)
                .param("kind", "PUBLIC_HOME").param("ownership", "PUBLIC").param("communityCode", LANTIAN)
                .param("status", "OPERATING").param("medicalArrangement", "NONE"))).contains(REFUSED);
        assertThat(refused(post("/meal-points").with(as("district")).param("name", "@食堂" + tag).param("kind", "CANTEEN")
                .param("communityCode", LANTIAN).param("servesLunch", "true"))).contains(REFUSED);
        assertThat(jdbc.sql("SELECT count(*) FROM elder WHERE name LIKE ?").param("%甲" + tag).query(Long.class).single())
                .isZero();
        // the same characters further in are fine
        MvcResult accepted = mvc.perform(post("/elders").with(as("district")).with(csrf())
                .param("residentId", residentId(TestDates.today().minusYears(80))).param("name", "甲=1+1" + tag)
                .param("hukouLocal", "true").param("communityCode", LANTIAN).param("livingArrangement", "ALONE")
                .param("economicStatus", "NONE")).andReturn();
        assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every non-empty cell of the workbook as read back by POI: its text and its type. */
    static Map<String, CellType> typedCells(byte[] xlsx) throws Exception {
        Map<String, CellType> cells = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            cells.put(cell.getStringCellValue(), CellType.STRING);
                        }
                    }
                }
            }
        }
        return cells;
    }

    /**
     * The sheet XML itself: no formula element in any sheet, and the text stored as a string (shared or inline),
     * exactly as recorded.
     */
    static void assertStringCellsOnly(byte[] xlsx, String text) throws Exception {
        List<String> sheets = new ArrayList<>();
        String strings = "";
        // (ZipFile, not ZipInputStream: the writer streams its entries with data descriptors)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sheet", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    if (entry.getName().startsWith("xl/worksheets/")) {
                        sheets.add(xml);
                    } else if (entry.getName().equals("xl/sharedStrings.xml")) {
                        strings = xml;
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(sheets).isNotEmpty().allSatisfy(xml -> assertThat(xml).doesNotContain("<f>").doesNotContain("<f "));
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String all = strings + String.join("", sheets);
        assertThat(all.contains(">" + escaped + "</t>") || all.contains(">" + text + "</t>"))
                .as("a string cell holding exactly " + text).isTrue();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
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
}
