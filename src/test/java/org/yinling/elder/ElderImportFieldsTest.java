package org.yinling.elder;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The import template as Excel opens it (text-formatted ID column, drop-downs for every coded column, in the user's
 * language), and real .xlsx files with the registry's new columns, the community by name, and IDs that Excel turned
 * into numbers; the check page's preview of the rows to be added.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderImportFieldsTest {

    private static final String LANTIAN = "330105001001";
    private static final List<String> HEADER = List.of("身份证号*", "姓名*", "社区（村）*", "社区代码", "居住状况*", "经济状况*",
            "残疾类别", "残疾等级", "留守老人", "独生子女伤残家庭", "优抚对象", "患重大疾病");

    @TempDir
    Path dir;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTemplateHasATextIdColumnAndDropDownsForEveryCodedColumn() throws Exception {
        try (XSSFWorkbook workbook = template("district", Locale.SIMPLIFIED_CHINESE)) {
            XSSFSheet data = workbook.getSheetAt(0);
            Map<String, Integer> columns = headers(data);
            assertThat(columns).containsKeys("身份证号*", "姓名*", "社区（村）*", "社区代码", "残疾类别", "残疾等级",
                    "留守老人", "独生子女伤残家庭", "优抚对象", "患重大疾病");
            int id = columns.get("身份证号*");
            // the whole column is text (what is typed in later stays digits), and the example is a text cell
            assertThat(data.getColumnStyle(id).getDataFormatString()).isEqualTo("@");
            assertThat(data.getRow(1).getCell(id).getCellType()).isEqualTo(CellType.STRING);
            assertThat(data.getRow(1).getCell(id).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(data.getRow(1).getCell(id).getStringCellValue()).isEqualTo(ImportRowParser.EXAMPLE_ID);
            assertThat(data.getColumnStyle(columns.get("社区代码")).getDataFormatString()).isEqualTo("@");
            // the example names its community; the code may stay blank
            assertThat(data.getRow(1).getCell(columns.get("社区（村）*")).getStringCellValue()).isEqualTo("蓝天社区");
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Map<String, List<String>> dropDowns = dropDowns(workbook, data);
            assertThat(dropDowns.get("居住状况*")).containsExactly("独居", "空巢", "与家人同住");
            assertThat(dropDowns.get("经济状况*")).contains("特困", "低保", "无");
            assertThat(dropDowns.get("残疾类别")).containsExactly("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾",
                    "精神残疾", "多重残疾");
            assertThat(dropDowns.get("残疾等级")).containsExactly("一级（极重度）", "二级（重度）", "三级（中度）", "四级（轻度）");
            for (String flag : List.of("本地户籍", "孤寡", "失独", "留守老人", "独生子女伤残家庭", "优抚对象", "患重大疾病")) {
                assertThat(dropDowns.get(flag)).as(flag).containsExactly("是", "否");
            }
            assertThat(dropDowns.get("社区（村）*")).contains("蓝天社区", "祥符社区", "康桥村").doesNotHaveDuplicates()
                    .hasSizeGreaterThan(50);
            // the lists are on a hidden sheet
            assertThat(workbook.isSheetHidden(2)).isTrue();
        }
        // a clerk's template offers only their own community
        try (XSSFWorkbook workbook = template("community", Locale.SIMPLIFIED_CHINESE)) {
            assertThat(dropDowns(workbook, workbook.getSheetAt(0)).get("社区（村）*")).containsExactly("蓝天社区");
        }
    }

    @Test
    void anEnglishUserGetsTheTemplateInEnglishAndItsLabelsAreReadBack() throws Exception {
        byte[] file = mvc.perform(get("/elders/import/template").param("lang", "en").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("elder-import-template.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> englishRows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet data = workbook.getSheetAt(0);
            assertThat(headers(data)).containsKeys("Resident ID*", "Community*", "Disability level", "Left behind");
            Map<String, List<String>> dropDowns = dropDowns(workbook, data);
            assertThat(dropDowns.get("Disability level")).first().isEqualTo("Level 1 (most severe)");
            assertThat(dropDowns.get("Left behind")).containsExactly("Yes", "No");
            // a filled-in English template imports: the header and the labels are read in either language
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            List<String> row = new ArrayList<>();
            data.getRow(1).forEach(c -> row.add(c.getStringCellValue()));
            row.set(header.indexOf("Resident ID*"), ElderImportTest.id("19450101", 201));
            row.set(header.indexOf("Name*"), "英文模板");
            englishRows.add(header);
            englishRows.add(row);
        }
        long importId = upload("district", xlsx("english.xlsx", englishRows, -1), "SKIP");
        ElderImport checked = awaitChecked(importId);
        assertThat(checked.errorCount()).as(problems(importId).toString()).isZero();
        assertThat(checked.newCount()).isEqualTo(1);
        mvc.perform(post("/elders/imports/" + importId + "/confirm").with(as("district")).with(csrf()));
        assertThat(jdbc.sql("""
                        SELECT community_code || ' ' || disability_category || ' ' || disability_level || ' ' || left_behind
                        FROM elder WHERE name = '英文模板'""").query(String.class).single())
                .isEqualTo(LANTIAN + " PHYSICAL 3 true");
    }

    @Test
    void newColumnsAndCommunityNamesAreImportedAndEachMistakeIsNamedExactly() throws Exception {
        jdbc.sql("""
                INSERT INTO region (code, parent_code, level, name, urban_rural_class, registered_population)
                VALUES ('330105002090', '330105002000', 'COMMUNITY', '蓝天社区', '111', 1000)""").update();
        try {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            String ok1 = ElderImportTest.id("19450202", 202);
            String ok2 = ElderImportTest.id("19450303", 203);
            rows.add(List.of(ok1, "字段甲", "上塘街道/蓝天社区", "", "独居", "低保", "肢体残疾", "二级", "是", "否", "是", "否"));
            rows.add(List.of(ok2, "字段乙", "瓜山社区", "", "空巢", "无", "", "", "否", "是", "否", "是"));
            rows.add(List.of(ElderImportTest.id("19450404", 204), "同名社区", "蓝天社区", "", "独居", "无", "", "", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19450505", 205), "没有社区", "火星社区", "", "独居", "无", "", "", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19450606", 206), "名码不符", "瓜山社区", LANTIAN, "独居", "无", "", "", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19450707", 207), "只有类别", "瓜山社区", "", "独居", "无", "听力残疾", "", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19450808", 208), "只有等级", "瓜山社区", "", "独居", "无", "", "3", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19450909", 209), "等级越界", "瓜山社区", "", "独居", "无", "听力残疾", "五级", "", "", "", ""));
            rows.add(List.of("3.30105E+17", "科学计数", "瓜山社区", "", "独居", "无", "", "", "", "", "", ""));
            rows.add(List.of("NUMBER", "数字号码", "瓜山社区", "", "独居", "无", "", "", "", "", "", ""));
            rows.add(List.of(ElderImportTest.id("19451010", 210), "两者皆无", "", "", "独居", "无", "", "", "", "", "", ""));
            // row 12 holds its ID as a number, as Excel stores 330105194912310021 typed into a General cell
            long importId = upload("district", xlsx("fields.xlsx", rows, 10), "SKIP");
            ElderImport checked = awaitChecked(importId);
            Map<String, String> problems = problems(importId);
            assertThat(problems).containsOnly(
                    Map.entry("同名社区|社区（村）", "有多个社区（村）叫这个名称，请写成“街道/社区”或填写社区代码。"),
                    Map.entry("没有社区|社区（村）", "您的工作区域内没有这个名称的社区（村）；请从下拉列表中选择。"),
                    Map.entry("名码不符|社区（村）", "社区名称与社区代码不是同一个社区（村），请核对。"),
                    Map.entry("只有类别|残疾等级", "填写了残疾类别，但残疾等级为空：两项应同时填写或都留空。"),
                    Map.entry("只有等级|残疾类别", "填写了残疾等级，但残疾类别为空：两项应同时填写或都留空。"),
                    Map.entry("等级越界|残疾等级", "残疾等级应为一级至四级（或 1–4）。"),
                    Map.entry("科学计数|身份证号", "身份证号显示为科学计数法（如 3.30105E+17）：Excel 把它当成了数字，后几位已丢失。"
                            + "请把该列设为“文本”格式后重新输入身份证号。"),
                    Map.entry("数字号码|身份证号", "身份证号被存成了数字：Excel 只保留 15 位有效数字，后几位已变成 0，无法还原。"
                            + "请把该列设为“文本”格式后重新输入身份证号（模板中该列已是文本格式）。"),
                    Map.entry("两者皆无|社区（村）", "请填写社区（村）名称或社区代码。"));
            assertThat(checked.newCount()).isEqualTo(2);

            mvc.perform(post("/elders/imports/" + importId + "/confirm").with(as("district")).with(csrf()))
                    .andExpect(status().isFound());
            assertThat(jdbc.sql("""
                            SELECT name || ' ' || community_code || ' ' || coalesce(disability_category, '-') || ' '
                                   || coalesce(disability_level::text, '-') || ' ' || left_behind || ' '
                                   || only_child_disabled || ' ' || special_care_recipient || ' ' || serious_illness
                            FROM elder WHERE resident_id IN (:ids) ORDER BY name""")
                    .param("ids", List.of(ok1, ok2)).query(String.class).list())
                    .containsExactly("字段乙 330105001002 - - false true false true",
                            "字段甲 330105001001 PHYSICAL 2 true false true false");
        }
        finally {
            jdbc.sql("DELETE FROM region WHERE code = '330105002090'").update();
        }
    }

    @Test
    void theCheckPagePreviewsTheRowsToBeAddedAPageAtATime() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 25; i++) {
            rows.add(List.of(ElderImportTest.id("1946" + String.format("%02d", i % 12 + 1) + "1" + (i / 12), 220 + i),
                    "预览" + (char) ('A' + i), "蓝天社区", "", "独居", "低保", i == 0 ? "视力残疾" : "", i == 0 ? "1" : "",
                    i == 0 ? "是" : "", "", "", ""));
        }
        long importId = upload("district", xlsx("preview.xlsx", rows, -1), "SKIP");
        assertThat(awaitChecked(importId).newCount()).as(problems(importId).toString()).isEqualTo(25);
        String first = mvc.perform(get("/elders/imports/" + importId).with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("将要导入的行", "预览A", "预览T", "视力残疾，一级（极重度）", "蓝天社区", "独居 / 低保")
                .doesNotContain("预览U", rows.get(1).get(0));
        String second = mvc.perform(get("/elders/imports/" + importId).param("page", "1").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("预览U", "预览Y").doesNotContain("预览T");
        mvc.perform(get("/elders/imports/" + importId).param("lang", "en").with(as("district")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Rows to be imported")));
    }

    private XSSFWorkbook template(String user, Locale locale) throws Exception {
        byte[] file = mvc.perform(get("/elders/import/template").with(as(user))
                        .param("lang", locale.getLanguage()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }

    private static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    /** Header → the values its column's drop-down offers, read from the range the validation refers to. */
    private static Map<String, List<String>> dropDowns(XSSFWorkbook workbook, XSSFSheet data) {
        Map<Integer, String> headers = new LinkedHashMap<>();
        headers(data).forEach((name, column) -> headers.put(column, name));
        Map<String, List<String>> dropDowns = new LinkedHashMap<>();
        for (var validation : data.getDataValidations()) {
            DataValidationConstraint constraint = validation.getValidationConstraint();
            if (constraint.getValidationType() != DataValidationConstraint.ValidationType.LIST) {
                continue;
            }
            assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            var region = validation.getRegions().getCellRangeAddress(0);
            assertThat(region.getFirstRow()).isEqualTo(1);
            assertThat(region.getLastRow()).isGreaterThanOrEqualTo(100_000);
            AreaReference area = new AreaReference(constraint.getFormula1(), workbook.getSpreadsheetVersion());
            Sheet lists = workbook.getSheet(area.getFirstCell().getSheetName());
            List<String> values = new ArrayList<>();
            for (CellReference cell : area.getAllReferencedCells()) {
                values.add(lists.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
            }
            dropDowns.put(headers.get(region.getFirstColumn()), values);
        }
        return dropDowns;
    }

    /** A real .xlsx written with POI; in row {@code numberRow} (0-based, -1 for none) the ID cell holds a number. */
    private Path xlsx(String name, List<List<String>> rows, int numberRow) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("老年人信息");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (r == numberRow && c == 0) {
                        row.createCell(c).setCellValue(330105194912310021d);
                    }
                    else if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private long upload(String username, Path file, String mode) throws Exception {
        MockMultipartFile part = new MockMultipartFile("file", file.getFileName().toString(),
                "application/octet-stream", Files.readAllBytes(file));
        String location = mvc.perform(multipart("/elders/import").file(part).param("mode", mode)
                        .with(as(username)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ElderImport awaitChecked(long importId) {
        return await("import " + importId + " checked").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT * FROM elder_import WHERE id = :id").param("id", importId)
                        .query(ElderImport.class).single(), current -> !current.reading());
    }

    /** "name|column" → problem, in Chinese, as the error list the user downloads shows them. */
    private Map<String, String> problems(long importId) throws Exception {
        byte[] file = mvc.perform(get("/elders/imports/" + importId + "/errors").with(as("district")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, String> problems = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    problems.put(row.getCell(3).getStringCellValue() + "|" + row.getCell(1).getStringCellValue(),
                            row.getCell(4).getStringCellValue());
                }
            }
        }
        return problems;
    }
}
