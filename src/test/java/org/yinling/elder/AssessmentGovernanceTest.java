package org.yinling.elder;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;
import org.yinling.system.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 21 §5 in a district of its own: two assessors and a recorded agency on every new assessment, the validity
 * (12 months by default, per region from a date), the 60-day due list and its spreadsheet, re-assessment on dispute
 * keeping the reviewed assessment, and the rule attribute "assessment valid on date".
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentGovernanceTest {

    static final String DISTRICT = "150108000000";
    static final String STREET = "150108001000";
    static final String COMMUNITY = "150108001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    final LocalDate today = TestDates.today();
    RequestPostProcessor staff;

    @BeforeEach
    void ownDistrict() throws Exception {
        region(DISTRICT, "", "评估治理区", null);
        region(STREET, DISTRICT, "评估街道", null);
        region(COMMUNITY, STREET, "评估社区", "MAIN_URBAN");
        staff = user("ag.district", "DISTRICT_STAFF");
    }

    @Test
    void newAssessmentsNeedTwoAssessorsAndAnAgencyAndRunOutAfterTheirValidity() throws Exception {
        long agency = agency("评估治理区能力评估中心");
        long elder = register("评估甲");
        long other = register("评估乙");

        // neither the second assessor nor the agency: the form again, nothing written
        mvc.perform(assessment(elder, today.minusYears(1).plusDays(30), "FIRST").param("assessor", "张评"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "secondAssessor", "agencyId"));
        // the demo district's agency is not this district's; the same person twice is not two assessors
        long foreign = jdbc.sql("""
                INSERT INTO assessment_agency (name, region_code, created_by) VALUES ('外区评估机构', '330105000000', 'test')
                ON CONFLICT (region_code, name) DO UPDATE SET active = TRUE RETURNING id""").query(Long.class).single();
        mvc.perform(assessment(elder, today, "FIRST").param("assessor", "张评").param("secondAssessor", "张评")
                        .param("agencyId", String.valueOf(foreign)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "agencyId", "assessment.agency.unknown"))
                .andExpect(model().attributeHasFieldErrorCode("form", "secondAssessor", "assessment.secondAssessor.same"));
        assertThat(count(elder)).isZero();

        // assessed 11 months less 30 days ago: valid for 12 months, so it runs out in 29 days
        LocalDate assessedOn = today.minusYears(1).plusDays(30);
        mvc.perform(assess(elder, assessedOn, "FIRST", agency)).andExpect(status().isFound());
        mvc.perform(assess(other, today.minusDays(10), "FIRST", agency)).andExpect(status().isFound());
        assertThat(validUntil(elder)).isEqualTo(assessedOn.plusMonths(12).minusDays(1));
        String report = mvc.perform(get("/elders/" + elder + "/assessments/report").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("张评").contains("李评").contains("评估治理区能力评估中心");

        String due = mvc.perform(get("/elders/assessments/due").with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(due).contains("评估甲").doesNotContain("评估乙");
        byte[] xlsx = mvc.perform(get("/elders/assessments/due.xlsx").with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet().headRowNumber(2).doReadSync();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isEqualTo("评估甲");
        assertThat(rows.get(0).get(1)).contains("********");                               // masked in the export
        // a proper table: the title (whose list, which days) over the heads, both frozen, widths, the ID as text
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("评估治理区：能力评估到期名单，" + today + " 至 " + today.plusDays(60) + " 到期");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(22 * 256);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
        byte[] english = mvc.perform(get("/elders/assessments/due.xlsx").param("lang", "en").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("评估治理区: assessments due from " + today + " to " + today.plusDays(60));
        }
        // another district's staff see none of it
        String demo = mvc.perform(get("/elders/assessments/due").with(TestUsers.as("district")))
                .andReturn().getResponse().getContentAsString();
        assertThat(demo).doesNotContain("评估甲");

        // the rule attribute: valid today, not the day after its last valid day
        assertThat(passes(elder, today)).isTrue();
        assertThat(passes(elder, validUntil(elder).plusDays(1))).isFalse();
        assertThat(passes(elder, validUntil(elder))).isTrue();

        // a re-assessment on dispute names its cause, keeps the reviewed one, and the elder is no longer due
        long first = jdbc.sql("SELECT id FROM assessment WHERE elder_id = ?").param(elder).query(Long.class).single();
        mvc.perform(assess(elder, today, "REASSESSMENT", agency))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "reviewCause", "assessment.reviewCause.required"));
        mvc.perform(assess(elder, today, "REASSESSMENT", agency).param("reviewCause", "DISPUTE")
                .param("reviewNote", "家属对结果有异议")).andExpect(status().isFound());
        assertThat(count(elder)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT reviews_id FROM assessment WHERE elder_id = ? AND review_cause = 'DISPUTE'")
                .param(elder).query(Long.class).single()).isEqualTo(first);
        assertThat(validUntil(elder)).isEqualTo(today.plusMonths(12).minusDays(1));
        assertThat(mvc.perform(get("/elders/assessments/due").with(staff)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("评估甲");

        // the district sets 6 months from today (not from a past day): a new assessment holds 6 months
        mvc.perform(post("/elders/assessment-validity").with(staff).with(csrf()).param("months", "6")
                .param("from", today.minusDays(1).toString()))
                .andExpect(flash().attribute("flashError", "assessment.validity.invalid"));
        mvc.perform(post("/elders/assessment-validity").with(staff).with(csrf()).param("months", "6")
                .param("from", today.toString()).param("source", "区民政局通知"))
                .andExpect(flash().attribute("flashSuccess", "assessment.validity.added"));
        mvc.perform(assess(other, today, "ROUTINE", agency)).andExpect(status().isFound());
        assertThat(validUntil(other)).isEqualTo(today.plusMonths(6).minusDays(1));
    }

    @Test
    void assessmentsMadeBeforeShowTheirAgencyAsNotRecorded() throws Exception {
        long elder = register("评估丙");
        jdbc.sql("""
                INSERT INTO assessment (elder_id, assessed_on, reason, item_scores, total, base_level, level, assessor,
                                        created_by)
                VALUES (?, ?, 'FIRST', '{}', 90, 0, 0, '旧评估员', 'test')""").params(elder, today.minusDays(5)).update();
        String page = mvc.perform(get("/elders/" + elder).with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("旧评估员").contains("评估机构未记录");
    }

    @Test
    void districtStaffKeepTheAgenciesAndOthersOnlyReadThem() throws Exception {
        mvc.perform(post("/elders/assessment-agencies").with(staff).with(csrf()).param("name", "=HYPERLINK()"))
                .andExpect(flash().attribute("flashError", "assessment.agency.invalid"));
        mvc.perform(post("/elders/assessment-agencies").with(staff).with(csrf()).param("name", "第二评估中心"))
                .andExpect(flash().attribute("flashSuccess", "assessment.agency.added"));
        mvc.perform(post("/elders/assessment-agencies").with(staff).with(csrf()).param("name", "第二评估中心"))
                .andExpect(flash().attribute("flashError", "assessment.agency.taken"));
        mvc.perform(post("/elders/assessment-agencies").with(TestUsers.as("community")).with(csrf())
                .param("name", "社区评估")).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/elders/assessment-agencies").with(staff)).andReturn().getResponse()
                .getContentAsString()).contains("第二评估中心");
    }

    private boolean passes(long elder, LocalDate on) {
        SqlFragment test = RuleCompiler.eligibility(Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.ASSESSMENT_VALID, Operator.EQ, "true"))), on);
        List<Object> params = new ArrayList<>(test.params());
        params.add(elder);
        boolean sql = jdbc.sql("SELECT " + test.sql() + " FROM elder e WHERE e.id = ?").params(params)
                .query(Boolean.class).single();
        // the same answer in Java (the explanation of a decision)
        EligibilityFacts facts = jdbc.sql("SELECT " + EligibilityFacts.COLUMNS + " FROM elder e WHERE e.id = ?")
                .param(elder).query((rs, i) -> EligibilityFacts.read(rs)).single();
        assertThat(facts.value(Attribute.ASSESSMENT_VALID, on)).isEqualTo(Boolean.toString(sql));
        return sql;
    }

    private MockHttpServletRequestBuilder assessment(long elder, LocalDate on, String reason) {
        MockHttpServletRequestBuilder request = post("/elders/" + elder + "/assessments").with(staff).with(csrf())
                .param("assessedOn", on.toString()).param("reason", reason).param("riskEvents", "0");
        for (AssessmentItem item : AssessmentItem.values()) {
            request.param("scores[" + item.name() + "]", String.valueOf(item.maxScore()));
        }
        return request;
    }

    private MockHttpServletRequestBuilder assess(long elder, LocalDate on, String reason, long agency) {
        return assessment(elder, on, reason).param("assessor", "张评").param("secondAssessor", "李评")
                .param("agencyId", String.valueOf(agency));
    }

    private long count(long elder) {
        return jdbc.sql("SELECT count(*) FROM assessment WHERE elder_id = ?").param(elder).query(Long.class).single();
    }

    private LocalDate validUntil(long elder) {
        return jdbc.sql("SELECT assessment_valid_until FROM elder WHERE id = ?").param(elder)
                .query(LocalDate.class).single();
    }

    private long agency(String name) throws Exception {
        mvc.perform(post("/elders/assessment-agencies").with(staff).with(csrf()).param("name", name));
        return jdbc.sql("SELECT id FROM assessment_agency WHERE region_code = ? AND name = ?").params(DISTRICT, name)
                .query(Long.class).single();
    }

    private long register(String name) throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String body = "110105" + "19400101" + String.format("%03d", (n % 400) * 2 + 1);
        String residentId = body + ResidentId.checkCharacter(body);
        String location = mvc.perform(post("/elders").with(staff).with(csrf())
                        .param("residentId", residentId).param("name", name).param("communityCode", COMMUNITY)
                        .param("hukouLocal", "true").param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                        .param("phone", "13800000000"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void region(String code, String parent, String name, String urbanRural) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Long.class).single() > 0) {
            return;
        }
        var request = post("/admin/regions").with(TestUsers.as("admin")).with(csrf())
                .param("code", code).param("parentCode", parent).param("name", name);
        if (urbanRural != null) {
            request.param("urbanRuralClass", urbanRural).param("registeredPopulation", "1000");
        }
        mvc.perform(request);
    }

    private RequestPostProcessor user(String username, String role) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """).params(username, username, encoder.encode("Secret123"), role, DISTRICT).update();
        return TestUsers.as(username);
    }
}
