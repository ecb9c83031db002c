package org.yinling.elder;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.system.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Exports opened again and read cell by cell. */
@SpringBootTest
@AutoConfigureMockMvc
class ElderExportTest {

    private static final String FORMULA_ADDRESS = "=HYPERLINK(\"http://x\",\"点我\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsTheSearchWithMaskedOrFullIdsAndTextUnchanged() throws Exception {
        String residentId = register("导出测试甲", "19410101", FORMULA_ADDRESS, "-5551234");
        register("导出测试乙", "19420202", "普通地址 1 号", "13800000000");

        List<List<String>> masked = export("district", "导出测试", false);
        assertThat(masked.get(1)).startsWith("姓名", "身份证号", "性别", "出生日期", "年龄", "街道（乡镇）", "社区（村）");
        assertThat(masked.stream().map(r -> r.get(0))).contains("导出测试甲", "导出测试乙").doesNotHaveDuplicates();
        List<String> first = row(masked, "导出测试甲");
        assertThat(first.get(1)).isEqualTo(residentId.substring(0, 6) + "********" + residentId.substring(14));
        assertThat(first.get(2)).isEqualTo("女");
        assertThat(first.get(3)).isEqualTo("1941-01-01");
        assertThat(first.get(5)).isEqualTo("上塘街道");
        assertThat(first.get(6)).isEqualTo("蓝天社区");
        assertThat(first.get(7)).isEqualTo(FORMULA_ADDRESS);
        assertThat(first.get(8)).isEqualTo("-5551234");
        assertThat(first.get(10)).isEqualTo("独居");

        List<List<String>> full = export("district", "导出测试", true);
        assertThat(row(full, "导出测试甲").get(1)).isEqualTo(residentId);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDERS_EXPORTED' AND details->>'fullIds' = 'true'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void managersGetMaskedIdsEvenWhenTheyAskAndOtherStreetsGetNothing() throws Exception {
        String residentId = register("导出测试丙", "19430303", "地址", "13800000001");
        List<List<String>> managerExport = export("manager", "导出测试丙", true);
        assertThat(row(managerExport, "导出测试丙").get(1)).doesNotContain(residentId.substring(6, 14));

        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('export.xiangfu', 'x', 'x', 'STREET_REVIEWER', '330105002000') ON CONFLICT DO NOTHING""").update();
        assertThat(export("export.xiangfu", "导出测试丙", true)).hasSize(2);              // the title and the heads
    }

    /** Issue 20 §5: full IDs first ask what they are for; the purpose is in the export's audit row. */
    @Test
    void anExportWithFullIdsAsksForItsPurposeWhichIsAudited() throws Exception {
        register("导出用途测试", "19440404", "地址", "13800000002");
        org.jsoup.nodes.Document ask = org.jsoup.Jsoup.parse(mvc.perform(get("/elders/export").param("q", "导出用途测试")
                        .param("fullIds", "true").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andReturn().getResponse().getContentAsString());
        assertThat(ask.select("#export-purpose-form input[name=q]").val()).isEqualTo("导出用途测试");
        assertThat(ask.select("#export-purpose-form input[name=fullIds]").val()).isEqualTo("true");
        assertThat(ask.select("input[name=purpose].is-invalid")).isEmpty();
        // sent without one: asked again, with the message
        org.jsoup.nodes.Document again = org.jsoup.Jsoup.parse(mvc.perform(get("/elders/export")
                        .param("q", "导出用途测试").param("fullIds", "true").param("purpose", "  ").with(as("district")))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.select("input[name=purpose].is-invalid + .invalid-feedback").text()).contains("请说明导出用途");
        // with one: the file, and the purpose in the audit
        mvc.perform(get("/elders/export").param("q", "导出用途测试").param("fullIds", "true")
                        .param("purpose", "向医保局核对名单").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Uploads.XLSX));
        assertThat(jdbc.sql("""
                        SELECT details->>'purpose' FROM audit_event WHERE action = 'ELDERS_EXPORTED' AND actor = 'district'
                        ORDER BY id DESC LIMIT 1""").query(String.class).single()).isEqualTo("向医保局核对名单");
        // a manager gets masked IDs anyway: no question
        mvc.perform(get("/elders/export").param("q", "导出用途测试").param("fullIds", "true").with(as("manager")))
                .andExpect(header().string("Content-Type", Uploads.XLSX));
    }

    /**
     * The export opens as a proper table: a title (whose elders, which day) over the column heads, both frozen,
     * columns of set widths, the resident ID a text cell with all 18 characters, age and income numbers (income
     * with two decimals); the title in the reader's language.
     */
    @Test
    void theExportIsATitledTableWithIdsAsTextAndNumbersAsNumbers() throws Exception {
        String residentId = register("导出表格测试", "19450505", "地址", "13800000003");
        long id = jdbc.sql("SELECT id FROM elder WHERE resident_id = ?").param(residentId).query(Long.class).single();
        jdbc.sql("UPDATE elder SET income_per_person = 1234.5 WHERE id = ?").param(id).update();

        byte[] file = mvc.perform(get("/elders/export").param("q", "导出表格测试").param("street", "330105001000")
                        .param("fullIds", "true").param("purpose", "核对名单").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("上塘街道：老年人信息，导出日 " + org.yinling.TestDates.today());
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("身份证号");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(20 * 256).isNotEqualTo(sheet.getDefaultColumnWidth() * 256);
            Row row = sheet.getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("导出表格测试");
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(residentId);
            assertThat(row.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(14).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(14).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(row.getCell(14).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        byte[] english = mvc.perform(get("/elders/export").param("q", "导出表格测试").param("lang", "en")
                        .with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith(": elders, exported on "
                    + org.yinling.TestDates.today());
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isNotEqualTo("身份证号");
        }
    }

    private String register(String name, String birthDate, String address, String phone) throws Exception {
        String body = ElderRegistryTest.TEST_COUNTY + birthDate + String.format("%03d", (int) (Math.random() * 400) * 2 + 2);
        String residentId = body + ResidentId.checkCharacter(body);
        mvc.perform(post("/elders").with(as("district")).with(csrf())
                        .param("residentId", residentId).param("name", name).param("communityCode", "330105001001")
                        .param("hukouLocal", "true").param("livingArrangement", "ALONE")
                        .param("economicStatus", "NONE").param("address", address).param("phone", phone))
                .andExpect(status().isFound());
        return residentId;
    }

    private List<List<String>> export(String username, String q, boolean fullIds) throws Exception {
        byte[] file = mvc.perform(get("/elders/export").param("q", q).param("fullIds", String.valueOf(fullIds))
                        .param("purpose", "核对名单").with(as(username)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Uploads.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> row(List<List<String>> rows, String name) {
        return rows.stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
    }

}
