package org.yinling.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yinling.TestDates;
import org.yinling.elder.AssessmentItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 20 §3, paper one would sign: the print style sheet puts every page on A4 with margins and "第 x 页 共 y 页", the
 * table heads repeated, badges and IDs in black; the batch summary names its preparer and reviewer and shows payments
 * by what they are, never by code; the capability assessment report lists each item's score, the subtotals, the
 * total and the level, with boxes to sign.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrintablesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStyleSheetPrintsOnA4WithPageNumbersRepeatedHeadsAndBlackBadges() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/static/css/app.css"), StandardCharsets.UTF_8);
        String page = css.substring(css.indexOf("@page {"), css.indexOf("@media print {", css.indexOf("@page {")));
        assertThat(page).contains("size: A4").contains("margin: 15mm 12mm 18mm")
                .contains("content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"")
                .contains("content: \"Page \" counter(page) \" of \" counter(pages)");
        String print = css.substring(css.indexOf("@media print {", css.indexOf("@page {")));
        assertThat(print).contains("html[lang^=\"en\"] body").contains("page: english")
                .contains("thead {\n        display: table-header-group;")
                .contains(".badge {\n        color: #000 !important;\n        background: transparent !important;\n        border: 1px solid #000;")
                .contains("code, .resident-id");
        // the pages carry the language the counters choose by
        Document home = page(get("/").with(as("district")).param("lang", "en"));
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void theBatchSummaryNamesItsPreparerAndReviewerAndShowsNoCodes() throws Exception {
        AccessFixtures f = new AccessFixtures(jdbc);
        f.payeeLine();
        f.recovery();
        long batch = f.batch();
        jdbc.sql("UPDATE payment_batch SET generated_by = 'district', approved_by = 'admin' WHERE id = ?")
                .param(batch).update();
        String policyCode = jdbc.sql("SELECT DISTINCT policy_code FROM payment_line WHERE batch_id = ?").param(batch)
                .query(String.class).single();
        String policyName = jdbc.sql("SELECT name FROM subsidy_policy WHERE code = ? ORDER BY version LIMIT 1")
                .param(policyCode).query(String.class).single();
        Document summary = page(get("/payments/batches/" + batch + "/summary").with(as("district")));
        String text = summary.text();
        assertThat(text).contains("制表人：" + displayName("district")).contains("复核人：" + displayName("admin"))
                .contains("机构运营补贴").contains(policyName)
                .doesNotContain("制表人：district").doesNotContain("OPERATING").doesNotContain(policyCode + " v1");
        assertThat(summary.select("#summary-by-policy thead")).hasSize(1);
    }

    @Test
    void theAssessmentReportListsEachItemTheSubtotalsTheTotalAndTheLevel() throws Exception {
        AccessFixtures f = new AccessFixtures(jdbc);
        long elder = f.elder();
        // nothing assessed yet: the report says so
        assertThat(page(get("/elders/" + elder + "/assessments/report").with(as("district")))
                .select("#assessment-report-none")).hasSize(1);

        MockHttpServletRequestBuilder form = post("/elders/" + elder + "/assessments").with(as("district")).with(csrf())
                .param("assessedOn", TestDates.today().toString()).param("reason", "FIRST")
                .param("assessor", "评估员甲").param("secondAssessor", "评估员丙").param("agencyId", String.valueOf(jdbc.sql("INSERT INTO assessment_agency (name, region_code, created_by) VALUES ('测试评估机构', '330105000000', 'test') ON CONFLICT (region_code, name) DO UPDATE SET active = TRUE RETURNING id").query(Long.class).single())).param("riskEvents", "0");
        int total = 0;
        for (AssessmentItem item : AssessmentItem.values()) {
            int score = item == AssessmentItem.STAIRS ? 1 : item.maxScore();
            total += score;
            form.param("scores[" + item.name() + "]", String.valueOf(score));
        }
        mvc.perform(form).andExpect(status().isFound());
        long id = jdbc.sql("SELECT max(id) FROM assessment WHERE elder_id = ?").param(elder).query(Long.class).single();

        Document report = page(get("/elders/" + elder + "/assessments/report").param("assessment", String.valueOf(id))
                .with(as("district")));
        assertThat(report.select("#assessment-report-title").text()).isEqualTo("老年人能力评估报告");
        assertThat(report.select("#assessment-report-elder").text()).contains(f.elderName)
                .contains(f.residentId.substring(0, 6) + "********");
        assertThat(report.select("#assessment-report-items tbody tr:not(.table-group-total)"))
                .hasSize(AssessmentItem.values().length);
        assertThat(report.select("#assessment-report-items").text()).contains("上下楼梯").contains("基础运动能力小计");
        assertThat(report.select("#assessment-report-total").text()).isEqualTo(total + " 分（满分 90 分）");
        assertThat(report.select("#assessment-report-level").text()).isNotBlank().doesNotContain("INTACT", "MILD");
        // both assessors sign (issue 21 §5), and the elder or guardian
        assertThat(report.select("#assessment-report-signatures").text()).contains("评估员甲").contains("评估员丙");
        assertThat(report.select(".signature-box")).hasSize(3);
        assertThat(report.select(".stamp-box")).hasSize(1);
        // the elder's page links each assessment to its report
        Document detail = page(get("/elders/" + elder).with(as("district")));
        assertThat(detail.select("a.assessment-report-link").attr("href"))
                .endsWith("/elders/" + elder + "/assessments/report?assessment=" + id);
        // another assessment's number is not found, not someone else's report
        mvc.perform(get("/elders/" + elder + "/assessments/report").param("assessment", "999999999")
                .with(as("district"))).andExpect(status().isNotFound());
        Document en = page(get("/elders/" + elder + "/assessments/report").with(as("district")).param("lang", "en"));
        assertThat(en.select("#assessment-report-title").text()).isEqualTo("Capability assessment report");
    }

    private String displayName(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private Document page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
