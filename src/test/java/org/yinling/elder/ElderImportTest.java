package org.yinling.elder;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Imports of real files, through the pages, from upload to confirmation. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ElderImportTest {

    static final List<String> HEADER = List.of("身份证号*", "姓名*", "社区代码*", "居住地址", "电话", "民族", "本地户籍",
            "居住状况*", "孤寡", "失独", "经济状况*", "家庭人均月收入");
    private static final String LANTIAN = "330105001001";

    @TempDir
    Path dir;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void aCleanFileIsCheckedThenWrittenOnlyOnConfirmation() throws Exception {
        List<List<String>> rows = List.of(
                row(id("19400101", 11), "导入甲", LANTIAN, "独居", "低保", "450"),
                row(id("19410202", 12), "导入乙", LANTIAN, "空巢", "无", ""),
                row(id("19420303", 13).toLowerCase(), "导入丙", "330105001002", "与家人同住", "特困", "300.50"));
        long importId = upload("district", SpreadsheetFiles.xlsx(dir, "clean.xlsx", HEADER, rows), "SKIP");
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.state()).isEqualTo("VALIDATED");
        assertThat(checked.newCount()).isEqualTo(3);
        assertThat(checked.errorCount()).isZero();
        assertThat(elders("导入")).isZero();

        mvc.perform(post("/elders/imports/" + importId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(elders("导入")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT economic_status || ' ' || income_per_person FROM elder WHERE name = '导入丙'")
                .query(String.class).single()).isEqualTo("EXTREME_POVERTY 300.50");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDERS_IMPORTED' AND entity_id = :id")
                .param("id", String.valueOf(importId)).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(EldersImported.class).filter(e -> e.importId() == importId && e.created() == 3)).hasSize(1);

        // a second confirmation (double click, back button) writes nothing more
        mvc.perform(post("/elders/imports/" + importId + "/confirm").with(as("district")).with(csrf()));
        assertThat(elders("导入")).isEqualTo(3);
        mvc.perform(get("/elders/imports").with(as("district")))
                .andExpect(content().string(containsString("clean.xlsx")));
    }

    @Test
    void everyKindOfProblemIsReportedPerRowAndColumnAndNothingIsWritten() throws Exception {
        String registered = id("19380808", 21);
        mvc.perform(post("/elders").with(as("district")).with(csrf()).param("residentId", registered)
                .param("name", "已在册").param("communityCode", LANTIAN).param("hukouLocal", "true")
                .param("livingArrangement", "ALONE").param("economicStatus", "NONE"));
        String duplicate = id("19390909", 22);
        List<List<String>> rows = List.of(
                row(withWrongCheck(id("19400101", 23)), "错校验位", LANTIAN, "独居", "无", ""),
                row("33010519410229001X", "错日期", LANTIAN, "独居", "无", ""),
                row(id("19400404", 24), "错社区", "330105001999", "独居", "无", ""),
                row(id("19400505", 25), "", LANTIAN, "独居", "无", ""),
                row(duplicate, "重复一", LANTIAN, "独居", "无", ""),
                row(duplicate, "重复二", LANTIAN, "独居", "无", ""),
                row(registered, "已在册", LANTIAN, "独居", "无", ""),
                row(id("19400606", 26), "错选项", LANTIAN, "一个人住", "很穷", "abc"),
                row(ImportRowParser.EXAMPLE_ID, "示例", LANTIAN, "独居", "无", ""),
                row(id("19900101", 27), "太年轻", LANTIAN, "独居", "无", ""),
                row(id("19400707", 28), "=HYPERLINK(\"http://x\")<b>", LANTIAN, "独居", "无", ""));
        long importId = upload("district", SpreadsheetFiles.xlsx(dir, "errors.xlsx", HEADER, rows), "SKIP");
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.newCount()).isEqualTo(1);
        assertThat(checked.skipCount()).isEqualTo(1);
        assertThat(checked.errorCount()).isEqualTo(9);

        mvc.perform(get("/elders/imports/" + importId).with(as("district")))
                .andExpect(content().string(containsString("身份证号码校验位不正确")))
                .andExpect(content().string(containsString("没有这个社区（村）代码")))
                .andExpect(content().string(containsString("必填项为空")))
                .andExpect(content().string(containsString("与文件中前面的行身份证号重复")))
                .andExpect(content().string(containsString("不是可识别的选项")))
                .andExpect(content().string(containsString("模板中的示例行")))
                .andExpect(content().string(containsString("未满 60 周岁")));

        List<List<String>> report = readXlsx(mvc.perform(get("/elders/imports/" + importId + "/errors").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(report.get(0)).containsExactly("行号", "列", "身份证号", "姓名", "问题");
        assertThat(report).anySatisfy(r -> assertThat(r).containsExactly("3", "身份证号", "33010519410229001X", "错日期",
                "身份证号码中的出生日期无效"));
        assertThat(report).anySatisfy(r -> assertThat(r.get(3)).isEqualTo("=HYPERLINK(\"http://x\")<b>"));

        mvc.perform(post("/elders/imports/" + importId + "/cancel").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(elders("重复")).isZero();
        assertThat(jdbc.sql("SELECT name FROM elder WHERE resident_id = :id").param("id", registered)
                .query(String.class).single()).isEqualTo("已在册");
    }

    @Test
    void registeredEldersAreUpdatedWhenAskedAndOutsideTheRegionRefused() throws Exception {
        String registered = id("19370707", 31);
        mvc.perform(post("/elders").with(as("district")).with(csrf()).param("residentId", registered)
                .param("name", "待更新").param("communityCode", LANTIAN).param("hukouLocal", "true")
                .param("livingArrangement", "ALONE").param("economicStatus", "NONE"));
        long importId = upload("district", SpreadsheetFiles.xlsx(dir, "update.xlsx", HEADER,
                List.of(row(registered, "已更新", LANTIAN, "空巢", "低收入", "900"))), "UPDATE");
        assertThat(awaitChecked(importId).updateCount()).isEqualTo(1);
        mvc.perform(post("/elders/imports/" + importId + "/confirm").with(as("district")).with(csrf()));
        assertThat(jdbc.sql("SELECT name || ' ' || living_arrangement FROM elder WHERE resident_id = :id")
                .param("id", registered).query(String.class).single()).isEqualTo("已更新 EMPTY_NEST");

        // the 上塘 street reviewer may not import into 祥符
        long streetImport = upload("street", SpreadsheetFiles.xlsx(dir, "street.xlsx", HEADER,
                List.of(row(id("19360606", 32), "越界", "330105002001", "独居", "无", ""))), "UPDATE");
        ElderImport checked = awaitChecked(streetImport);
        assertThat(checked.errorCount()).isEqualTo(1);
        mvc.perform(get("/elders/imports/" + streetImport).with(as("street")))
                .andExpect(content().string(containsString("不在您的工作区域内")));
        // and a street's staff cannot open the district's import
        mvc.perform(get("/elders/imports/" + importId).with(as("street"))).andExpect(status().isNotFound());
    }

    @Test
    void gbkCsvFromOlderProgramsIsReadCorrectly() throws Exception {
        Path file = SpreadsheetFiles.csv(dir, "gbk.csv", Charset.forName("GBK"), HEADER,
                List.of(row(id("19350505", 41), "甘肃老人", LANTIAN, "独居", "低保边缘", "")));
        long importId = upload("district", file, "SKIP");
        assertThat(awaitChecked(importId).newCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM elder_import_row WHERE import_id = :id").param("id", importId)
                .query(String.class).single()).isEqualTo("甘肃老人");
    }

    @Test
    void aDuplicateHeavyFileKeepsTheFirstOfEach() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int person = i % 50;
            rows.add(row(id("1931" + String.format("%02d", person % 12 + 1) + "15", 100 + person), "重复人" + person,
                    LANTIAN, "独居", "无", ""));
        }
        long importId = upload("district", SpreadsheetFiles.xlsx(dir, "dups.xlsx", HEADER, rows), "SKIP");
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.newCount()).isEqualTo(50);
        assertThat(checked.errorCount()).isEqualTo(550);
    }

    @Test
    void aCorruptFileFailsWithAMessageAndLeavesNothingBehind() throws Exception {
        Path corrupt = Files.write(dir.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        long importId = upload("district", corrupt, "SKIP");
        ElderImport failed = awaitChecked(importId);
        assertThat(failed.state()).isEqualTo("FAILED");
        mvc.perform(get("/elders/imports/" + importId).with(as("district")))
                .andExpect(content().string(containsString("文件已损坏")));
        assertThat(jdbc.sql("SELECT count(*) FROM elder_import_row WHERE import_id = :id").param("id", importId)
                .query(Integer.class).single()).isZero();
        long missingColumns = upload("district", SpreadsheetFiles.xlsx(dir, "cols.xlsx", List.of("姓名", "电话"),
                List.of(List.of("张三", "1"))), "SKIP");
        assertThat(awaitChecked(missingColumns).failureKey()).isEqualTo("import.file.missingColumns");
    }

    @Test
    void managersCannotImportAndTheTemplateExplainsTheCodes() throws Exception {
        mvc.perform(get("/elders/import").with(as("manager"))).andExpect(status().isForbidden());
        byte[] template = mvc.perform(get("/elders/import/template").with(as("community")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("身份证号*");
            // the example names the clerk's community (by name; its code may stay blank)
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("蓝天社区");
            String explanation = workbook.getSheetAt(1).toString();
            List<String> firstColumn = new ArrayList<>();
            workbook.getSheetAt(1).forEach(r -> firstColumn.add(r.getCell(0) == null ? "" : r.getCell(0).toString()));
            // a community clerk sees only their own community's code
            assertThat(firstColumn).contains(LANTIAN).doesNotContain("330105001002");
            assertThat(explanation).isNotNull();
        }
    }

    private long upload(String username, Path file, String mode) throws Exception {
        MockMultipartFile part = new MockMultipartFile("file", file.getFileName().toString(),
                "application/octet-stream", Files.readAllBytes(file));
        String location = mvc.perform(multipart("/elders/import").file(part).param("mode", mode)
                        .with(as(username)).with(csrf()))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ElderImport awaitChecked(long importId) {
        return await("import " + importId + " checked").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT * FROM elder_import WHERE id = :id").param("id", importId)
                        .query(ElderImport.class).single(), current -> !current.reading());
    }

    static List<String> row(String residentId, String name, String community, String living, String economic,
                            String income) {
        return List.of(residentId, name, community, "测试路 1 号", "13800000000", "汉族", "是", living, "否", "否",
                economic, income);
    }

    /** A valid resident ID of the demo district with the given birth date and a sequence unique per test. */
    static String id(String birthDate, int sequence) {
        String body = ElderRegistryTest.TEST_COUNTY + birthDate + String.format("%03d", 500 + sequence);
        return body + ResidentId.checkCharacter(body);
    }

    private static String withWrongCheck(String residentId) {
        return residentId.substring(0, 17) + (residentId.charAt(17) == '0' ? '1' : '0');
    }

    private int elders(String namePrefix) {
        return jdbc.sql("SELECT count(*) FROM elder WHERE name LIKE :p").param("p", namePrefix + "%")
                .query(Integer.class).single();
    }

    private static List<List<String>> readXlsx(byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((long) cell.getNumericCellValue()) : cell.toString()));
                rows.add(cells);
            }
        }
        return rows;
    }

}
