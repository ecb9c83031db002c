package org.yinling.dashboard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.region.RegionLevel;
import org.yinling.system.TestApiClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22 §4, the monthly statistics export: a district of its own with known elders (ages, 户籍, one registered
 * today, one who died today), institutions with beds and residents, a month's payment batch, meals; the figures of
 * the API, the page and the .xlsx equal the numbers written here. Refusals: a missing scope (403), a region outside
 * the client's (404), a malformed or future month and an unknown layout (400), each as a problem detail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsExportTest {

    static final String DISTRICT = "510107000000";
    static final String STREET = "510107001000";
    static final String C1 = "510107001001";
    static final String C2 = "510107001002";
    static final String STREET2 = "510107002000";
    static final String O = "510107002001";
    private static boolean created;
    private static BigDecimal mealSubsidy;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JsonMapper json;
    @Autowired
    FigureQueries queries;
    @Autowired
    org.yinling.region.Regions regions;

    DashboardFixtures fixtures;
    final LocalDate today = TestDates.today();
    final YearMonth month = TestDates.thisMonth();

    @BeforeEach
    void knownRegion() throws Exception {
        fixtures = new DashboardFixtures(mvc, jdbc, encoder);
        if (created) {
            return;
        }
        created = true;
        fixtures.region(DISTRICT, null, "统计报送测试区", null, null);
        fixtures.region(STREET, DISTRICT, "报送街道", null, null);
        fixtures.region(C1, STREET, "报送一社区", "MAIN_URBAN", 1000);
        fixtures.region(C2, STREET, "报送二社区", "MAIN_URBAN", 1000);
        fixtures.region(STREET2, DISTRICT, "报送另一街道", null, null);
        fixtures.region(O, STREET2, "报送另一社区", "MAIN_URBAN", 1000);

        // ages as of today and as of last month's end alike: each birthday two months ago
        long a65m = elder(C1, "MALE", 65, true);
        long a65f = elder(C1, "FEMALE", 65, true);
        elder(C1, "MALE", 72, false);
        long a85 = elder(C1, "FEMALE", 85, true);
        elder(C1, "FEMALE", 95, true);
        elder(C1, "FEMALE", 101, false);
        elder(C1, "MALE", 55, true);
        elder(C2, "MALE", 68, false);
        elder(C2, "FEMALE", 79, true);
        elder(O, "MALE", 70, true);
        long died = elder(C1, "MALE", 75, true);
        jdbc.sql("UPDATE elder SET created_at = TIMESTAMPTZ '2020-01-01 00:00+08' WHERE community_code LIKE '510107%'").update();
        jdbc.sql("UPDATE elder SET life_status = 'DECEASED', life_status_date = ? WHERE id = ?").params(today, died).update();
        elder(C1, "FEMALE", 66, true);                                       // registered today

        long home = fixtures.institution(C1, "PRIVATE_HOME", "PRIVATE", 10, 6);
        fixtures.institution(C1, "DAY_CARE_CENTRE", "PUBLIC", 4, 0);
        jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES ('报送幸福院', 'RURAL_HAPPINESS_HOME', 'PUBLIC', ?, 'test', 'test')
                        """).param(C2).update();
        jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, status, created_by, updated_by)
                        VALUES ('报送已关闭', 'PUBLIC_HOME', 'PUBLIC', ?, 'CLOSED', 'test', 'test')
                        """).param(C2).update();
        for (long elder : new long[] {a85, a65m}) {
            jdbc.sql("""
                            INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                            SELECT ?, ?, (SELECT min(b.id) FROM bed b WHERE b.institution_id = ?
                                          AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id)),
                                   CAST(? AS date), 'SELF', FALSE, 'test'
                            """).params(elder, home, home, today.withDayOfMonth(1)).update();
        }

        long age = fixtures.policy("STATX_AGE", "AGE_ALLOWANCE", DISTRICT);
        long care = fixtures.policy("STATX_CARE", "HOME_CARE_SERVICE", DISTRICT);
        long batch = fixtures.batch(DISTRICT);
        fixtures.line(batch, fixtures.entitlement(a65m, age, "STATX_AGE", C1, "100"), "PENDING");
        fixtures.line(batch, fixtures.entitlement(a85, age, "STATX_AGE", C1, "500"), "PAID");
        fixtures.line(batch, fixtures.entitlement(a85, care, "STATX_CARE", C1, "160"), "PENDING");
        fixtures.line(batch, fixtures.entitlement(a65f, care, "STATX_CARE", C1, "160"), "FAILED");
        jdbc.sql("""
                        INSERT INTO payment_payee_line (batch_id, institution_id, kind, month, payee_name, community_code,
                            residents, amount, reference)
                        VALUES (?, ?, 'OPERATING', ?, '报送机构', ?, 1, 405.00, 'STATX-OP-1')
                        """).params(batch, home, month.minusMonths(1).atDay(1), C1).update();

        fixtures.mealPoint(C1);
        long point = jdbc.sql("SELECT id FROM meal_point WHERE community_code = ?").param(C1).query(Long.class).single();
        BigDecimal poverty = category(1);
        BigDecimal age60 = category(3);
        meal(a65m, point, month.atDay(1), "LUNCH", 1);
        meal(a65m, point, month.atDay(1), "DINNER", 1);
        meal(a85, point, month.atDay(1), "LUNCH", 3);
        meal(a85, point, month.minusMonths(1).atDay(1), "LUNCH", 3);     // last month's
        mealSubsidy = poverty.multiply(BigDecimal.valueOf(2)).add(age60);
    }

    private long elder(String community, String sex, int age, boolean local) {
        long id = fixtures.elder(community, sex, today.minusYears(age).minusMonths(2), "NONE", null);
        jdbc.sql("UPDATE elder SET hukou_local = ? WHERE id = ?").params(local, id).update();
        return id;
    }

    private BigDecimal category(int position) {
        return jdbc.sql("""
                        SELECT amount FROM meal_category WHERE region_code IS NULL AND effective_from = DATE '2000-01-01'
                          AND position = ?
                        """).param(position).query(BigDecimal.class).single();
    }

    private void meal(long elder, long point, LocalDate day, String meal, int category) {
        jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, recorded_by, category_id)
                        SELECT ?, ?, ?, ?, 'EAT_IN', 'test', id FROM meal_category
                        WHERE region_code IS NULL AND effective_from = DATE '2000-01-01' AND position = ?
                        """).params(elder, point, day, meal, category).update();
    }

    private static RequestPostProcessor statisticsClient() {
        return TestApiClients.client("statx-city", DISTRICT, RegionLevel.DISTRICT, "statistics:read");
    }

    private Map<String, JsonNode> api(String region, YearMonth month) throws Exception {
        String body = mvc.perform(get("/api/v1/statistics").param("region", region).param("month", month.toString())
                        .with(statisticsClient()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.layout").value(1))
                .andExpect(jsonPath("$.region.code").value(region))
                .andExpect(jsonPath("$.month").value(month.toString()))
                .andExpect(jsonPath("$.asOf").value(month.equals(this.month) ? today.toString()
                        : month.atEndOfMonth().toString()))
                .andReturn().getResponse().getContentAsString();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (JsonNode field : json.readTree(body).get("fields")) {
            fields.put(field.get("code").asString(), field.get("value"));
        }
        return fields;
    }

    @Test
    void theStreetsMonthEqualsTheKnownFigures() throws Exception {
        Map<String, JsonNode> f = api(STREET, month);
        assertThat(List.copyOf(f.keySet())).isEqualTo(new StatisticsLayoutV1().fields().stream()
                .map(StatisticsField::code).toList());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("INST_TOTAL", 3L);                      // the closed home is not operating
        expected.put("INST_PRIVATE_HOME", 1L);
        expected.put("INST_DAY_CARE_CENTRE", 1L);
        expected.put("INST_RURAL_HAPPINESS_HOME", 1L);
        expected.put("INST_PUBLIC_HOME", 0L);
        expected.put("BED_TOTAL", 14L);
        expected.put("BED_PRIVATE_HOME", 10L);
        expected.put("BED_DAY_CARE_CENTRE", 4L);
        expected.put("BED_RURAL_HAPPINESS_HOME", 0L);
        expected.put("BED_NURSING", 6L);
        expected.put("RESIDENTS", 2L);
        expected.put("ELD_60_TOTAL", 9L);                    // not the 55-year-old, not the one who died today
        expected.put("ELD_60_69_LOCAL", 3L);
        expected.put("ELD_60_69_OTHER", 1L);
        expected.put("ELD_70_79_LOCAL", 1L);
        expected.put("ELD_70_79_OTHER", 1L);
        expected.put("ELD_80_89_LOCAL", 1L);
        expected.put("ELD_80_89_OTHER", 0L);
        expected.put("ELD_90_99_LOCAL", 1L);
        expected.put("ELD_100_PLUS_LOCAL", 0L);
        expected.put("ELD_100_PLUS_OTHER", 1L);
        expected.put("SUB_AGE_ALLOWANCE_RECIPIENTS", 2L);
        expected.put("SUB_AGE_ALLOWANCE_AMOUNT", "600.00");
        expected.put("SUB_HOME_CARE_SERVICE_RECIPIENTS", 1L);   // the failed line is not paid
        expected.put("SUB_HOME_CARE_SERVICE_AMOUNT", "160.00");
        expected.put("SUB_NURSING_CARE_AMOUNT", "0.00");
        expected.put("SUB_TOTAL_RECIPIENTS", 2L);            // each elder once
        expected.put("SUB_TOTAL_AMOUNT", "760.00");
        expected.put("ORG_OPERATING_AMOUNT", "405.00");
        expected.put("ORG_MEAL_AMOUNT", "0.00");
        expected.put("MEAL_SERVED", 3L);                     // not last month's
        expected.put("MEAL_ELDERS", 2L);
        expected.put("MEAL_SUBSIDY", mealSubsidy.setScale(2).toPlainString());
        expected.put("HC_VISITS", 0L);
        expected.put("HC_AMOUNT", "0.00");
        expected.put("VIS_DUE", 0L);
        expected.forEach((code, value) -> {
            JsonNode node = f.get(code);
            if (value instanceof String text) {
                assertThat(node.isString()).as(code + " is a decimal string").isTrue();
                assertThat(node.asString()).as(code).isEqualTo(text);
            }
            else {
                assertThat(node.isNumber()).as(code + " is a number").isTrue();
                assertThat(node.asLong()).as(code).isEqualTo((Long) value);
            }
        });
        assertThat(f.get("VIS_RATE").isNull()).as("a rate of nobody is empty").isTrue();
        assertThat(f.get("HC_HOURS").isNumber()).isTrue();
    }

    @Test
    void theTalliesAndTheRecordsAgreeOnLocalEldersByAge() {
        org.yinling.region.RegionScope scope = regions.find(STREET).orElseThrow().scope();
        Figures tallies = DashboardService.sum(queries.byCommunity(scope, today, FigureQueries.ElderSource.TALLIES), "510107001");
        Figures records = DashboardService.sum(queries.byCommunity(scope, today, FigureQueries.ElderSource.RECORDS), "510107001");
        assertThat(records.localAtLeast).containsExactly(tallies.localAtLeast);
        // 60+: 65, 65, 85, 95, 79 and the one registered today; 70+: 85, 95, 79; 80+: 85, 95; 90+: 95; 100+: none local
        assertThat(records.localAtLeast[Figures.ageIndex(60)]).isEqualTo(6);
        assertThat(records.localAtLeast[Figures.ageIndex(70)]).isEqualTo(3);
        assertThat(records.localAtLeast[Figures.ageIndex(90)]).isEqualTo(1);
        assertThat(records.localAtLeast[Figures.ageIndex(100)]).isZero();
        assertThat(records.local60).isEqualTo(records.localAtLeast[0]);
        assertThat(records.bedsByKind.get("PRIVATE_HOME")).containsExactly(10, 6);
    }

    @Test
    void aPastMonthIsCountedAsOfItsLastDay() throws Exception {
        Map<String, JsonNode> f = api(STREET, month.minusMonths(1));
        // the elder registered today is not in last month; the one who died today still is
        assertThat(f.get("ELD_60_69_LOCAL").asLong()).isEqualTo(2);
        assertThat(f.get("ELD_70_79_LOCAL").asLong()).isEqualTo(2);
        assertThat(f.get("ELD_60_TOTAL").asLong()).isEqualTo(9);
        assertThat(f.get("MEAL_SERVED").asLong()).isEqualTo(1);
        assertThat(f.get("SUB_TOTAL_AMOUNT").asString()).isEqualTo("0.00");
    }

    @Test
    void theDistrictAddsItsOtherStreet() throws Exception {
        Map<String, JsonNode> f = api(DISTRICT, month);
        assertThat(f.get("ELD_70_79_LOCAL").asLong()).isEqualTo(2);
        assertThat(f.get("ELD_60_TOTAL").asLong()).isEqualTo(10);
        Map<String, JsonNode> c2 = api(C2, month);
        assertThat(c2.get("ELD_60_TOTAL").asLong()).isEqualTo(2);
        assertThat(c2.get("INST_TOTAL").asLong()).isEqualTo(1);
    }

    @Test
    void refusalsAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/statistics").param("region", STREET).param("month", month.toString())
                        .with(TestApiClients.client("statx-no-scope", DISTRICT, RegionLevel.DISTRICT, "elders:read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics").param("region", STREET).param("month", month.toString())
                        .with(TestApiClients.client("statx-street2", STREET2, RegionLevel.STREET, "statistics:read")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/statistics").param("region", "330105000000").param("month", month.toString())
                        .with(statisticsClient()))
                .andExpect(status().isNotFound());
        for (String bad : new String[] {"2026-13", "11-2026", "-999999999-01", "abc", month.plusMonths(1).toString()}) {
            mvc.perform(get("/api/v1/statistics").param("region", STREET).param("month", bad).with(statisticsClient()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith(StatisticsApiController.PROBLEM_BASE)));
        }
        mvc.perform(get("/api/v1/statistics").param("region", STREET).with(statisticsClient()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics").param("region", STREET).param("month", month.toString())
                        .param("layout", "9").with(statisticsClient()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(StatisticsApiController.PROBLEM_BASE + "layout-unknown"));
        mvc.perform(get("/api/v1/statistics").param("region", STREET).param("month", month.toString())
                        .param("layout", "1").with(statisticsClient()))
                .andExpect(status().isOk());
    }

    @Test
    void thePageShowsTheFiguresInBothLanguages() throws Exception {
        RequestPostProcessor staff = fixtures.as("statx.district", "DISTRICT_STAFF", DISTRICT);
        Document zh = Jsoup.parse(mvc.perform(get("/reports/statistics").param("region", STREET)
                        .param("month", month.toString()).with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(zh.select("tr[data-field=ELD_60_TOTAL] td").get(2).text()).isEqualTo("9");
        assertThat(zh.select("tr[data-field=ELD_100_PLUS_OTHER] td").get(2).text()).isEqualTo("1");
        assertThat(zh.select("tr[data-field=SUB_TOTAL_AMOUNT] td").get(2).text()).isEqualTo("760.00");
        assertThat(zh.select("tr[data-field=INST_TOTAL] td").get(1).text()).isEqualTo("养老服务机构总数");
        assertThat(zh.select("#statistics-fields tbody tr")).hasSize(new StatisticsLayoutV1().fields().size());
        Document en = Jsoup.parse(mvc.perform(get("/reports/statistics").param("region", STREET)
                        .param("month", month.toString()).param("lang", "en").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.select("tr[data-field=INST_TOTAL] td").get(1).text()).isEqualTo("Care institutions in all");
        assertThat(en.select("tr[data-field=INST_TOTAL] td").get(3).text()).isEqualTo("institutions");
    }

    @Test
    void aBadMonthIsSaidOnThePageAndAnotherRegionIsNotFound() throws Exception {
        RequestPostProcessor staff = fixtures.as("statx.district", "DISTRICT_STAFF", DISTRICT);
        Document page = Jsoup.parse(mvc.perform(get("/reports/statistics").param("region", STREET)
                        .param("month", month.plusMonths(2).toString()).with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#statistics-problem").text()).contains("不能晚于本月");
        assertThat(page.select("#month").val()).isEqualTo(month.minusMonths(1).toString());
        Document layout = Jsoup.parse(mvc.perform(get("/reports/statistics").param("region", STREET)
                        .param("month", month.toString()).param("layout", "7").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(layout.select("#statistics-problem").text()).contains("没有这一版报送格式");
        assertThat(layout.select("#month").val()).isEqualTo(month.toString());
        RequestPostProcessor other = fixtures.as("statx.street2", "STREET_REVIEWER", STREET2);
        mvc.perform(get("/reports/statistics").param("region", STREET).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/reports/statistics.xlsx").param("region", STREET).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/reports/statistics.xlsx").param("region", STREET2).param("month", "x").with(other))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aManagerSeesCountsOfOneToFourAsLessThanFive() throws Exception {
        RequestPostProcessor manager = fixtures.as("statx.manager", "MANAGER", DISTRICT);
        Document page = Jsoup.parse(mvc.perform(get("/reports/statistics").param("region", STREET)
                        .param("month", month.toString()).with(manager))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("tr[data-field=ELD_100_PLUS_OTHER] td").get(2).text()).isEqualTo("<5");
        assertThat(page.select("tr[data-field=ELD_60_TOTAL] td").get(2).text()).isIn("9", "*");
        assertThat(page.select("tr[data-field=BED_TOTAL] td").get(2).text()).isEqualTo("14");
    }

    @Test
    void theSpreadsheetHasATitleHeadsCodesAsTextAndNumbers() throws Exception {
        RequestPostProcessor staff = fixtures.as("statx.district", "DISTRICT_STAFF", DISTRICT);
        byte[] xlsx = mvc.perform(get("/reports/statistics.xlsx").param("region", STREET)
                        .param("month", month.toString()).with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("报送街道").contains(STREET)
                    .contains(month.toString()).contains("第 1 版");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("字段代码");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("数值");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + new StatisticsLayoutV1().fields().size());
            Map<String, org.apache.poi.ss.usermodel.Row> rows = new LinkedHashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(rows.get("ELD_60_TOTAL").getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(rows.get("ELD_60_TOTAL").getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rows.get("ELD_60_TOTAL").getCell(2).getNumericCellValue()).isEqualTo(9.0);
            assertThat(rows.get("SUB_TOTAL_AMOUNT").getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rows.get("SUB_TOTAL_AMOUNT").getCell(2).getNumericCellValue()).isEqualTo(760.0);
            assertThat(rows.get("SUB_TOTAL_AMOUNT").getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(rows.get("INST_TOTAL").getCell(1).getStringCellValue()).isEqualTo("养老服务机构总数");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'STATISTICS_EXPORTED' AND entity_id = ?")
                .param(STREET).query(Long.class).single()).isPositive();
    }
}
