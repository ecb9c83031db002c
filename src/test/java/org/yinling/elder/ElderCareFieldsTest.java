package org.yinling.elder;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The registry fields of issue 19 (残疾人证 category and level, 留守, 独生子女伤残, 优抚对象, serious illness) through
 * the form, the detail page, the change history and the export; and an ID pasted with spaces.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderCareFieldsTest {

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNewFieldsGoRoundTheFormDetailPageHistoryAndExport() throws Exception {
        String residentId = ElderImportTest.id("19440404", 401);
        // pasted as printed on a card: groups separated by spaces and a hyphen
        String pasted = residentId.substring(0, 6) + " " + residentId.substring(6, 14) + "-" + residentId.substring(14);
        String location = mvc.perform(form(post("/elders"), pasted, "特殊情况甲")
                        .param("disabilityCategory", "PHYSICAL").param("disabilityLevel", "2")
                        .param("leftBehind", "true").param("seriousIllness", "true"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("""
                        SELECT resident_id || ' ' || disability_category || ' ' || disability_level || ' ' || left_behind
                               || ' ' || only_child_disabled || ' ' || special_care_recipient || ' ' || serious_illness
                        FROM elder WHERE id = :id""").param("id", id).query(String.class).single())
                .isEqualTo(residentId + " PHYSICAL 2 true false false true");

        mvc.perform(get("/elders/" + id).with(as("district")))
                .andExpect(content().string(containsString("肢体残疾，二级（重度）")))
                .andExpect(content().string(containsString(">留守</span>")))
                .andExpect(content().string(containsString(">患重大疾病</span>")))
                .andExpect(content().string(not(containsString(">优抚对象</span>"))));
        mvc.perform(get("/elders/" + id).param("lang", "en").with(as("district")))
                .andExpect(content().string(containsString("Physical disability, Level 2 (severe)")));
        // the edit form shows what was saved
        mvc.perform(get("/elders/" + id + "/edit").with(as("district")))
                .andExpect(content().string(containsString("<option value=\"PHYSICAL\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">")));

        // a correction: the certificate is withdrawn, 优抚对象 added; the history names the fields and says 是/否
        long version = jdbc.sql("SELECT version FROM elder WHERE id = :id").param("id", id).query(Long.class).single();
        mvc.perform(form(post("/elders/" + id), residentId, "特殊情况甲").param("version", String.valueOf(version))
                        .param("leftBehind", "true").param("seriousIllness", "true")
                        .param("specialCareRecipient", "true"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT disability_category IS NULL AND disability_level IS NULL AND special_care_recipient FROM elder WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        String page = mvc.perform(get("/elders/" + id).with(as("district")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("残疾类别", "<del>肢体残疾</del>", "<del>二级（重度）</del>", "优抚对象", "<del>否</del>")
                .doesNotContain(">false<", ">true<", "PHYSICAL<");
        assertThat(jdbc.sql("""
                        SELECT details->'after'->>'specialCareRecipient' FROM audit_event
                        WHERE action = 'ELDER_UPDATED' AND entity_id = :id""").param("id", String.valueOf(id))
                .query(String.class).single()).isEqualTo("true");

        List<List<String>> export = export("特殊情况甲");
        List<String> head = export.get(0);
        List<String> row = export.get(1);
        assertThat(row.get(head.indexOf("残疾类别"))).isEmpty();
        assertThat(row.get(head.indexOf("残疾等级"))).isEmpty();
        assertThat(row.get(head.indexOf("留守老人"))).isEqualTo("是");
        assertThat(row.get(head.indexOf("独生子女伤残家庭"))).isEqualTo("否");
        assertThat(row.get(head.indexOf("优抚对象"))).isEqualTo("是");
        assertThat(row.get(head.indexOf("患重大疾病"))).isEqualTo("是");
    }

    @Test
    void theExportNamesTheDisabilityCategoryAndLevel() throws Exception {
        mvc.perform(form(post("/elders"), ElderImportTest.id("19440505", 402), "特殊情况乙")
                        .param("disabilityCategory", "VISUAL").param("disabilityLevel", "1")
                        .param("onlyChildDisabled", "true"))
                .andExpect(status().isFound());
        List<List<String>> export = export("特殊情况乙");
        List<String> head = export.get(0);
        assertThat(export.get(1).get(head.indexOf("残疾类别"))).isEqualTo("视力残疾");
        assertThat(export.get(1).get(head.indexOf("残疾等级"))).isEqualTo("一级（极重度）");
        assertThat(export.get(1).get(head.indexOf("独生子女伤残家庭"))).isEqualTo("是");
    }

    @Test
    void aCategoryWithoutALevelOrALevelWithoutACategoryIsRefusedWithTheFormKept() throws Exception {
        String residentId = ElderImportTest.id("19440606", 403);
        mvc.perform(form(post("/elders"), residentId, "只有类别").param("disabilityCategory", "HEARING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已选残疾类别，请同时选择残疾人证上的残疾等级。")))
                .andExpect(content().string(containsString("<option value=\"HEARING\" selected=\"selected\">")));
        mvc.perform(form(post("/elders"), residentId, "只有等级").param("disabilityLevel", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已选残疾等级，请同时选择残疾人证上的残疾类别。")));
        mvc.perform(form(post("/elders"), residentId, "等级越界").param("disabilityCategory", "HEARING")
                        .param("disabilityLevel", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("残疾等级只能是一级至四级。")));
        mvc.perform(form(post("/elders"), residentId, "只有类别").param("disabilityCategory", "HEARING")
                        .param("lang", "en"))
                .andExpect(content().string(containsString("please also choose the level on the disability certificate")));
        assertThat(jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = :id").param("id", residentId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theIdFieldAcceptsAPastedNumberAndIsNotCutTo18Characters() throws Exception {
        mvc.perform(get("/elders/new").with(as("district")))
                .andExpect(content().string(not(containsString("maxlength=\"18\""))));
        String residentId = ElderImportTest.id("19440707", 404);
        String pasted = " " + residentId.substring(0, 6) + "　" + residentId.substring(6, 14) + " "
                + residentId.substring(14, 17) + residentId.substring(17).toLowerCase() + " ";
        mvc.perform(form(post("/elders"), pasted, "粘贴号码")).andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT name FROM elder WHERE resident_id = :id").param("id", residentId)
                .query(String.class).single()).isEqualTo("粘贴号码");
        assertThat(ResidentId.normalised("３３０１０５-1949 1231-002ｘ")).isEqualTo("33010519491231002X");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String residentId,
                                                      String name) {
        return request.with(as("district")).with(csrf()).param("residentId", residentId).param("name", name)
                .param("communityCode", LANTIAN).param("hukouLocal", "true").param("livingArrangement", "ALONE")
                .param("economicStatus", "NONE");
    }

    private List<List<String>> export(String q) throws Exception {
        byte[] file = mvc.perform(get("/elders/export").param("q", q).with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : row.getCell(c).toString());
                }
                rows.add(cells);
            }
        }
        // a title row above the heads (if the export has one) is skipped: the heads are the row with 姓名
        while (!rows.isEmpty() && !rows.get(0).contains("姓名")) {
            rows.remove(0);
        }
        return rows;
    }
}
