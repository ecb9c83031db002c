package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleEvaluator;
import org.yinling.subsidy.rule.Tier;

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
 * Policy simulation over a small known data set: a district of its own with two streets (created once and
 * committed, so that the region tree knows them), a copy of GAOLING's rule published there, a manager of that
 * district and elders of known ages (county 110105 in their resident IDs), all but the regions rolled back. And
 * over the demo district, the simulated counts against the Java evaluator elder by elder.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PolicySimulationTest {

    static final String DISTRICT = "110197000000";
    static final String STREET_A = "110197001000";
    static final String STREET_B = "110197002000";
    static final String COMMUNITY_A = "110197001001";
    static final String COMMUNITY_B = "110197002001";
    static final String MANAGER = "sim.manager";
    static final String TEST_COUNTY = "110105";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyStore store;
    @Autowired
    RuleQueries queries;

    /** The district and its streets, committed once (outside the test transactions) by the administrator. */
    @BeforeAll
    static void aDistrictOfItsOwn(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) throws Exception {
        region(mvc, jdbc, DISTRICT, null, "政策模拟测试区", null);
        for (String street : List.of(STREET_A, STREET_B)) {
            region(mvc, jdbc, street, DISTRICT, "政策模拟测试街道" + street.substring(6, 9), null);
            // a street has four to eight communities (RegionAdministrationTest checks every street)
            for (int community = 1; community <= 4; community++) {
                region(mvc, jdbc, street.substring(0, 9) + "%03d".formatted(community), street,
                        "政策模拟测试社区" + street.substring(6, 9) + community, "MAIN_URBAN");
            }
        }
    }

    @Test
    void loweringTheAgeFrom80To75AddsTheEldersOf75To79PerStreetAndTheirYearlyCost() throws Exception {
        long policy = knownDataSet();
        Document page = simulate(policy, "75", "100", MANAGER);
        // street A: 75, 77, 79 join tier 1 (100 a month); street B: 78
        assertStreet(page, STREET_A, 4, 7, "+3", "1,500.00", "1,800.00", "+3,600.00");
        assertStreet(page, STREET_B, 2, 3, "+1", "600.00", "700.00", "+1,200.00");
        assertRow(page.selectFirst("#simulation-total"), 6, 10, "+4", "2,100.00", "2,500.00", "+4,800.00");
        assertTier(page, 0, 3, 7);
        assertTier(page, 1, 2, 2);
        assertTier(page, 2, 1, 1);
        // the form keeps the changed rule
        assertThat(page.selectFirst("input[name=\"groups[0].criteria[2].value\"]").val()).isEqualTo("75");
        // and the page says in words what was changed
        assertThat(page.getElementById("simulation-rule-now").text()).isEqualTo(
                "在册、本地户籍、80 周岁及以上。80–89 周岁：100.00 元；90–99 周岁：500.00 元；100 周岁及以上：800.00 元。");
        assertThat(page.getElementById("simulation-rule-changed").text()).isEqualTo(
                "在册、本地户籍、75 周岁及以上。75–89 周岁：100.00 元；90–99 周岁：500.00 元；100 周岁及以上：800.00 元。");
    }

    @Test
    void theSimulationExportsToASpreadsheetWithNumbersAsNumbers() throws Exception {
        long policy = knownDataSet();
        var response = mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy + "/export"), "75", "100")
                        .with(as(MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains(".xlsx").contains("UTF-8''");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("政策模拟").contains("第 1 版");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("现行人数");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            var total = sheet.getRow(2 + 2);   // two streets, then the total
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(10);
            assertThat(total.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(4800.0);
            assertThat(total.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).startsWith("在册、本地户籍、80 周岁及以上");
            assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).startsWith("在册、本地户籍、75 周岁及以上");
        }
    }

    @Test
    void raisingAnAmountChangesTheCostAndNotTheCounts() throws Exception {
        long policy = knownDataSet();
        Document page = simulate(policy, "80", "150", MANAGER);
        assertStreet(page, STREET_A, 4, 4, "0", "1,500.00", "1,600.00", "+1,200.00");
        assertStreet(page, STREET_B, 2, 2, "0", "600.00", "650.00", "+600.00");
        assertRow(page.selectFirst("#simulation-total"), 6, 6, "0", "2,100.00", "2,250.00", "+1,800.00");
        assertThat(page.selectFirst("#simulation-tier-0").select("td").get(3).text()).isEqualTo("150.00");
    }

    @Test
    void aOneTimePolicyShowsTheOneTimeDifference() throws Exception {
        long policy = knownDataSet();
        jdbc.sql("UPDATE subsidy_policy SET frequency = 'ONE_TIME' WHERE id = ?").param(policy).update();
        Document page = simulate(policy, "75", "100", MANAGER);
        assertRow(page.selectFirst("#simulation-total"), 6, 10, "+4", "2,100.00", "2,500.00", "+400.00");
        assertThat(page.select("#simulation-streets th").text()).contains("一次性费用增减");
    }

    @Test
    void nothingIsSaved() throws Exception {
        long policy = knownDataSet();
        List<Map<String, Object>> before = jdbc.sql("SELECT * FROM subsidy_policy ORDER BY id").query().listOfRows();
        long audit = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        simulate(policy, "75", "150", MANAGER);
        simulate(policy, "75", "150", "admin");
        assertThat(jdbc.sql("SELECT * FROM subsidy_policy ORDER BY id").query().listOfRows()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(audit);
        assertThat(store.find(policy).orElseThrow().rule().tiers().get(0).amount()).isEqualByComparingTo("100");
    }

    @Test
    void theListOffersPoliciesInForceAndTheFormStartsFromTheRuleInForce() throws Exception {
        long policy = knownDataSet();
        mvc.perform(get("/subsidies/simulation").with(as(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("TSIM-GAOLING")))
                .andExpect(content().string(not(containsString("JUJIA"))));
        mvc.perform(get("/subsidies/simulation").with(as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("GAOLING")))
                .andExpect(content().string(containsString("JUJIA")))
                .andExpect(content().string(not(containsString("TSIM-GAOLING"))));
        Document form = Jsoup.parse(mvc.perform(get("/subsidies/simulation/" + policy).with(as(MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.selectFirst("input[name=\"groups[0].criteria[2].value\"]").val()).isEqualTo("80");
        assertThat(form.selectFirst("input[name=\"tiers[1].amount\"]").val()).isEqualTo("500");
        assertThat(form.selectFirst("#simulation-result")).isNull();
        // the navigation offers it to managers
        mvc.perform(get("/").with(as("manager"))).andExpect(content().string(containsString("/subsidies/simulation")));
    }

    @Test
    void managersDistrictStaffAndTheAdministratorMaySimulateClerksAndStreetReviewersMayNot() throws Exception {
        long gaoling = demoGaoling();
        for (String username : List.of("manager", "district", "admin")) {
            mvc.perform(get("/subsidies/simulation/" + gaoling).with(as(username))).andExpect(status().isOk());
            mvc.perform(gaolingForm(post("/subsidies/simulation/" + gaoling), "75", "100").with(as(username)))
                    .andExpect(status().isOk());
        }
        for (String username : List.of("community", "street")) {
            mvc.perform(get("/subsidies/simulation").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(get("/subsidies/simulation/" + gaoling).with(as(username))).andExpect(status().isForbidden());
            mvc.perform(gaolingForm(post("/subsidies/simulation/" + gaoling), "75", "100").with(as(username)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/subsidies/simulation")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anotherDistrictsPolicyOrOneNotInForceIsNotFound() throws Exception {
        long policy = knownDataSet();
        mvc.perform(get("/subsidies/simulation/" + policy).with(as("manager"))).andExpect(status().isNotFound());
        mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy), "75", "100").with(as("manager")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/subsidies/simulation/" + demoGaoling()).with(as(MANAGER))).andExpect(status().isNotFound());
        // a draft is not in force
        long draft = store.insert(copy("TSIM-DRAFT", DISTRICT, gaolingRule("80", "100")), "test");
        mvc.perform(get("/subsidies/simulation/" + draft).with(as(MANAGER))).andExpect(status().isNotFound());
        mvc.perform(get("/subsidies/simulation/999999999").with(as(MANAGER))).andExpect(status().isNotFound());
    }

    @Test
    void invalidInputShowsFieldErrorsInTheUsersLanguageAndRunsNothing() throws Exception {
        long policy = knownDataSet();
        String page = mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy), "abc", "-5").with(as(MANAGER))
                        .with(set("tiers[1].value", "100")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document document = Jsoup.parse(page);
        assertThat(document.selectFirst("#simulation-result")).isNull();
        assertThat(document.selectFirst("input[name=\"groups[0].criteria[2].value\"]").hasClass("is-invalid")).isTrue();
        assertThat(page).contains("请填写 0 到 150 之间的整数").contains("金额须大于 0").contains("起始值不能大于结束值");
        mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy), "80", "x").with(as(MANAGER)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The amount must be more than 0")));
        // a tampered choice (no page offers it) is a bad request, not a server error, and runs nothing
        mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy), "80", "100").with(as(MANAGER))
                        .param("groups[1].criteria[0].attribute", "NO_SUCH_ATTRIBUTE")
                        .param("connective", "XOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("id=\"simulation-result\""))));
    }

    /** The demo district, GAOLING 80 → 75: per street, the page's counts are the evaluator's, elder by elder. */
    @Test
    void simulatedCountsEqualAJavaEvaluationOfEveryElder() throws Exception {
        Policy gaoling = store.find(demoGaoling()).orElseThrow();
        PolicyRule changed = gaolingRule("75", "100");
        LocalDate today = TestDates.today();
        Map<String, long[]> expected = new HashMap<>();
        long[] total = new long[2];
        for (Map<String, Object> elder : jdbc.sql("SELECT id, community_code FROM elder WHERE community_code LIKE '330105%'")
                .query().listOfRows()) {
            EligibilityFacts facts = queries.facts(((Number) elder.get("id")).longValue(), RegionScope.everything())
                    .orElseThrow();
            long[] street = expected.computeIfAbsent(((String) elder.get("community_code")).substring(0, 9) + "000",
                    code -> new long[2]);
            if (RuleEvaluator.qualifyingTier(gaoling.rule(), facts, today) >= 0) {
                street[0]++;
                total[0]++;
            }
            if (RuleEvaluator.qualifyingTier(changed, facts, today) >= 0) {
                street[1]++;
                total[1]++;
            }
        }
        assertThat(total[1]).as("the demo district has elders of 75 to 79").isGreaterThan(total[0]);
        Document page = simulate(gaoling.id(), "75", "100", "manager");
        for (Map.Entry<String, long[]> street : expected.entrySet()) {
            Element row = page.getElementById("simulation-street-" + street.getKey());
            assertThat(row).as(street.getKey()).isNotNull();
            assertThat(row.selectFirst(".simulation-before").text()).isEqualTo(Long.toString(street.getValue()[0]));
            assertThat(row.selectFirst(".simulation-after").text()).isEqualTo(Long.toString(street.getValue()[1]));
        }
        assertThat(page.selectFirst("#simulation-total .simulation-before").text()).isEqualTo(Long.toString(total[0]));
        assertThat(page.selectFirst("#simulation-total .simulation-after").text()).isEqualTo(Long.toString(total[1]));
    }

    /**
     * GAOLING's rule published in the test district, its manager, and elders of known ages: street A 74, 75, 77, 79,
     * 80, 85, 92, 101 and a 76-year-old without local hukou; street B 78, 81, 95. The policy's id.
     */
    private long knownDataSet() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, 'x', 'MANAGER', ?) ON CONFLICT DO NOTHING
                        """).params(MANAGER, MANAGER, DISTRICT).update();
        long id = store.insert(copy("TSIM-GAOLING", DISTRICT, gaolingRule("80", "100")), "test");
        store.publish(id, 0, "test");
        for (int age : new int[] {74, 75, 77, 79, 80, 85, 92, 101}) {
            elder(age, COMMUNITY_A, true);
        }
        elder(76, COMMUNITY_A, false);
        for (int age : new int[] {78, 81, 95}) {
            elder(age, COMMUNITY_B, true);
        }
        return id;
    }

    private void elder(int age, String community, boolean hukouLocal) {
        // well clear of a birthday, so that the age is the same whichever way it is counted
        LocalDate birthDate = TestDates.today().minusYears(age).minusDays(100);
        while (true) {
            String body = TEST_COUNTY + birthDate.toString().replace("-", "")
                    + "%03d".formatted(ThreadLocalRandom.current().nextInt(1, 999));
            int inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, ?, ?, 'WITH_FAMILY', 'NONE', 'test', 'test')
                            ON CONFLICT DO NOTHING
                            """)
                    .params(body + ResidentId.checkCharacter(body), "模拟测" + age, birthDate, hukouLocal, community)
                    .update();
            if (inserted == 1) {
                return;
            }
        }
    }

    /** GAOLING's rule with another lower age (eligibility and first tier) and first-tier amount. */
    static PolicyRule gaolingRule(String lowerAge, String firstAmount) {
        Eligibility eligibility = Eligibility.allOf(CriterionGroup.all(
                Criterion.of(Attribute.LIFE_STATUS, Operator.EQ, "ACTIVE"),
                Criterion.of(Attribute.HUKOU_LOCAL, Operator.EQ, "true"),
                Criterion.of(Attribute.AGE, Operator.GE, lowerAge)));
        return new PolicyRule(eligibility, List.of(
                new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, lowerAge, "89"), new BigDecimal(firstAmount)),
                new Tier(Criterion.of(Attribute.AGE, Operator.BETWEEN, "90", "99"), new BigDecimal("500")),
                new Tier(Criterion.of(Attribute.AGE, Operator.GE, "100"), new BigDecimal("800"))));
    }

    /** The simulation form as the page posts it, for {@link #gaolingRule}. */
    private static MockHttpServletRequestBuilder gaolingForm(MockHttpServletRequestBuilder request, String lowerAge,
                                                             String firstAmount) {
        return request.with(csrf())
                .param("connective", "AND").param("groups[0].connective", "AND")
                .param("groups[1].connective", "AND").param("groups[2].connective", "AND")
                .param("groups[0].criteria[0].attribute", "LIFE_STATUS").param("groups[0].criteria[0].operator", "EQ")
                .param("groups[0].criteria[0].choices", "LIFE_STATUS:ACTIVE")
                .param("groups[0].criteria[1].attribute", "HUKOU_LOCAL").param("groups[0].criteria[1].operator", "EQ")
                .param("groups[0].criteria[1].choices", "HUKOU_LOCAL:true")
                .param("groups[0].criteria[2].attribute", "AGE").param("groups[0].criteria[2].operator", "GE")
                .param("groups[0].criteria[2].value", lowerAge)
                .param("amountMode", "TIERS")
                .param("tiers[0].attribute", "AGE").param("tiers[0].operator", "BETWEEN")
                .param("tiers[0].value", lowerAge).param("tiers[0].value2", "89").param("tiers[0].amount", firstAmount)
                .param("tiers[1].attribute", "AGE").param("tiers[1].operator", "BETWEEN")
                .param("tiers[1].value", "90").param("tiers[1].value2", "99").param("tiers[1].amount", "500")
                .param("tiers[2].attribute", "AGE").param("tiers[2].operator", "GE")
                .param("tiers[2].value", "100").param("tiers[2].amount", "800");
    }

    private Document simulate(long policy, String lowerAge, String firstAmount, String username) throws Exception {
        return Jsoup.parse(mvc.perform(gaolingForm(post("/subsidies/simulation/" + policy), lowerAge, firstAmount)
                        .with(as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static void assertStreet(Document page, String street, long before, long after, String difference,
                                     String costBefore, String costAfter, String yearly) {
        assertRow(page.getElementById("simulation-street-" + street), before, after, difference, costBefore, costAfter,
                yearly);
    }

    private static void assertRow(Element row, long before, long after, String difference, String costBefore,
                                  String costAfter, String yearly) {
        assertThat(row).isNotNull();
        assertThat(row.selectFirst(".simulation-before").text()).isEqualTo(Long.toString(before));
        assertThat(row.selectFirst(".simulation-after").text()).isEqualTo(Long.toString(after));
        assertThat(row.selectFirst(".simulation-difference").text()).isEqualTo(difference);
        assertThat(row.selectFirst(".simulation-cost-before").text()).isEqualTo(costBefore);
        assertThat(row.selectFirst(".simulation-cost-after").text()).isEqualTo(costAfter);
        assertThat(row.selectFirst(".simulation-yearly").text()).isEqualTo(yearly);
    }

    private static void assertTier(Document page, int tier, long before, long after) {
        Element row = page.getElementById("simulation-tier-" + tier);
        assertThat(row.selectFirst(".simulation-before").text()).isEqualTo(Long.toString(before));
        assertThat(row.selectFirst(".simulation-after").text()).isEqualTo(Long.toString(after));
    }

    private long demoGaoling() {
        return jdbc.sql("SELECT id FROM subsidy_policy WHERE code = 'GAOLING' AND status = 'PUBLISHED'")
                .query(Long.class).single();
    }

    private static Policy copy(String code, String region, PolicyRule rule) {
        Policy demo = DemoPolicies.gaoling();
        return new Policy(0, code, 1, demo.name(), demo.kind(), region, LocalDate.of(2026, 1, 1), null,
                demo.frequency(), false, 0, rule, PolicyStatus.DRAFT, null, false, null, null, null, null, null, null,
                0);
    }

    /** Replaces a parameter the form helper sets (param() would add a second value). */
    private static RequestPostProcessor set(String name, String value) {
        return request -> {
            request.setParameter(name, value);
            return request;
        };
    }

    /** Created by the administrator (committed, so the region tree is refreshed), once per database. */
    private static void region(MockMvc mvc, JdbcClient jdbc, String code, String parent,
                               String name, String urbanRuralClass) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            return;
        }
        MockHttpServletRequestBuilder request = post("/admin/regions").with(as("admin"))
                .with(csrf()).param("code", code).param("name", name);
        if (parent != null) {
            request.param("parentCode", parent);
        }
        if (urbanRuralClass != null) {
            request.param("urbanRuralClass", urbanRuralClass).param("registeredPopulation", "100");
        }
        mvc.perform(request).andExpect(status().isFound());
    }
}
