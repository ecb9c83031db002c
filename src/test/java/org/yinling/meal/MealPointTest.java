package org.yinling.meal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** A meal point through its pages: registration, the counter, duplicate meals, category snapshots, settlement. */
@SpringBootTest
@AutoConfigureMockMvc
class MealPointTest {

    /** The city's default category of 特困 and 低保 elders (V43). */
    static final String POVERTY = "(SELECT id FROM meal_category WHERE region_code IS NULL AND effective_from = DATE '2000-01-01' AND position = 1)";

    private static final String LANTIAN = "330105001001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void otherStreet() {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES ('xiangfu.meals', 'x', ?, 'STREET_REVIEWER', '330105002000') ON CONFLICT DO NOTHING
                        """).param(passwordEncoder.encode("Secret123")).update();
    }

    @Test
    void mealsAreRecordedOnceWithTheCategoryOfTheDayAndSettledByCategory() throws Exception {
        long point = register("蓝天老年食堂（测试）", "SC-2026-001", TestDates.today().plusYears(1));
        long poor = elder("11010519410505771X", "食堂甲", "MINIMUM_LIVING", LocalDate.of(1941, 5, 5));
        long old = elder("11010519400606772X", "食堂乙", "NONE", LocalDate.of(1940, 6, 6));

        mvc.perform(get("/meal-points/{id}/meals", point).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"meal-search\"")));
        // found by the last digits of the ID at the counter
        mvc.perform(get("/meal-points/{id}/meals/search", point).param("q", "771X").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("食堂甲")));
        record(point, poor, "LUNCH", "EAT_IN").andExpect(model().attribute("message", "meal.recorded"));
        record(point, poor, "LUNCH", "DELIVERED").andExpect(model().attribute("message", "meal.duplicate"));
        record(point, poor, "DINNER", "EAT_IN").andExpect(model().attribute("message", "meal.notOffered"));
        record(point, old, "LUNCH", "DELIVERED").andExpect(model().attribute("message", "meal.recorded"));
        assertThat(jdbc.sql("SELECT count(*) FROM meal WHERE elder_id = ?").param(poor).query(Integer.class).single())
                .isEqualTo(1);

        // a later change of status does not rewrite the meal's category
        jdbc.sql("UPDATE elder SET economic_status = 'NONE' WHERE id = ?").param(poor).update();
        assertThat(jdbc.sql("SELECT c.name_zh FROM meal m JOIN meal_category c ON c.id = m.category_id WHERE m.elder_id = ?")
                .param(poor).query(String.class).single()).isEqualTo("特困、低保老人");

        // settlement of the month: 8 (poor) + 5 (80+) per meal, plus 1 per meal for a licensed point
        mvc.perform(get("/meal-points/{id}/settlement", point).param("month", TestDates.thisMonth().toString())
                        .with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"settlement-total\">15.00<")));
    }

    @Test
    void anUnlicensedPointGetsNoOperatingSubsidyAndOtherStreetsSeeNothing() throws Exception {
        long point = register("蓝天助餐点（无证测试）", "", null);
        long elder = elder("11010519390707773X", "食堂丙", "NONE", LocalDate.of(1939, 7, 7));
        record(point, elder, "LUNCH", "EAT_IN").andExpect(model().attribute("message", "meal.recorded"));
        mvc.perform(get("/meal-points/{id}/settlement", point).with(as("district")))
                .andExpect(content().string(containsString("id=\"settlement-operating\">0.00<")))
                .andExpect(content().string(containsString("id=\"settlement-total\">5.00<")));
        mvc.perform(get("/meal-points/{id}", point).with(as("district")))
                .andExpect(content().string(containsString("id=\"unlicensed-flag\"")));

        mvc.perform(get("/meal-points/{id}", point).with(as("xiangfu.meals"))).andExpect(status().isNotFound());
        mvc.perform(post("/meal-points/{id}/meals", point).param("elderId", Long.toString(elder)).param("meal", "LUNCH")
                .param("mode", "EAT_IN").with(as("xiangfu.meals")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/meal-points").param("name", "x").with(as("street")).with(csrf())).andExpect(status().isForbidden());
        // a licence number without its expiry is refused with the reason
        mvc.perform(post("/meal-points").with(as("district")).with(csrf()).param("name", "无效期测试").param("kind", "CANTEEN")
                        .param("communityCode", LANTIAN).param("servesLunch", "true").param("licenceNumber", "SC-1"))
                .andExpect(model().attributeHasFieldErrorCode("form", "licenceExpires", "meal.licence.incomplete"));
    }

    @Test
    void coverageCountsOwnAndListedCommunitiesAndTheElderPageShowsMeals() throws Exception {
        long point = register("瓜山助餐点（覆盖测试）", "SC-2026-009", TestDates.today().plusYears(1));
        mvc.perform(post("/meal-points/{id}/served", point).param("communityCode", "330105001002")
                .with(as("district")).with(csrf())).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/meal-points/coverage").with(as("street")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        int checked = 0;
        for (org.jsoup.nodes.Element row : html.select("#coverage-table tr")) {
            if (row.text().startsWith("瓜山社区") || row.text().startsWith("蓝天社区")) {
                assertThat(row.hasClass("table-warning")).as(row.text()).isFalse();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
        long elder = elder("11010519380808774X", "食堂丁", "NONE", LocalDate.of(1938, 8, 8));
        record(point, elder, "LUNCH", "EAT_IN").andExpect(model().attribute("message", "meal.recorded"));
        mvc.perform(get("/meal-points/elders/{id}/meals", elder).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("瓜山助餐点（覆盖测试）")));
        mvc.perform(get("/meal-points/elders/{id}/meals", elder).with(as("xiangfu.meals")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aConfirmedSettlementIsPaidToTheOperatorOnce() throws Exception {
        long point = register("结算测试食堂", "SC-2026-010", TestDates.today().plusYears(1));
        long elder = elder("11010519370909775X", "食堂戊", "EXTREME_POVERTY", LocalDate.of(1937, 9, 9));
        jdbc.sql("""
                        INSERT INTO meal (elder_id, meal_point_id, served_on, meal, mode, category_id, recorded_by)
                        VALUES (?, ?, DATE '2026-09-03', 'LUNCH', 'EAT_IN', %1$s, 'test'),
                               (?, ?, DATE '2026-09-04', 'LUNCH', 'DELIVERED', %1$s, 'test')
                        """.formatted(POVERTY)).params(elder, point, elder, point).update();
        mvc.perform(post("/meal-points/{id}/settlement/confirm", point).param("month", TestDates.thisMonth().toString())
                        .with(as("district")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "meal.settlement.notConfirmable"));
        mvc.perform(post("/meal-points/{id}/settlement/confirm", point).param("month", "2026-09")
                        .with(as("district")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashSuccess", "meal.settlement.confirmed"));
        mvc.perform(post("/meal-points/{id}/settlement/confirm", point).param("month", "2026-09")
                        .with(as("district")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "meal.settlement.notConfirmable"));
        mvc.perform(get("/meal-points/{id}", point).with(as("district")))
                .andExpect(content().string(containsString("month=2026-09")));
        byte[] xlsx = mvc.perform(get("/meal-points/{id}/settlement.xlsx", point).param("month", "2026-09")
                        .with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // a proper table: the title (which point, its community, which month) over the heads, both frozen, widths,
        // meals and money as numbers (money with two decimals)
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("结算测试食堂（蓝天社区）2026-09 助餐补贴结算");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("餐数");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(24 * 256);
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(total.getCell(3).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(18);
            assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        byte[] english = mvc.perform(get("/meal-points/{id}/settlement.xlsx", point).param("month", "2026-09")
                        .param("lang", "en").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(english))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("结算测试食堂 (蓝天社区): meal subsidy for 2026-09");
        }
        // 2 meals × 8 + 2 × 1 operating
        assertThat(jdbc.sql("SELECT total FROM meal_settlement WHERE meal_point_id = ?").param(point)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("18");

        long batch = jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, generated_by)
                        VALUES ('330105000000', DATE '2041-01-01', 'GENERATING', 'district') RETURNING id
                        """).query(Long.class).single();
        mvc.perform(post("/payments/batches/{id}/resume", batch).with(as("district")).with(csrf()));
        await("batch " + batch + " generated").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT state FROM payment_batch WHERE id = ?").param(batch).query(String.class)
                        .single(), equalTo("GENERATED"));
        assertThat(jdbc.sql("SELECT kind || ' ' || amount FROM payment_payee_line WHERE meal_point_id = ?").param(point)
                .query(String.class).list()).containsExactly("MEAL 18.00");
    }

    @Test
    void theMealRatesPageIsTheSharedOne() throws Exception {
        mvc.perform(get("/meal-points/rates").with(as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rate-form-MEAL\"")));
        mvc.perform(post("/meal-points/rates").param("table", "MEAL").param("amount.OPERATING", "9")
                        .with(as("street")).with(csrf()))
                .andExpect(status().isForbidden());
        String next = TestDates.today().withDayOfMonth(1).plusMonths(1).toString().substring(0, 7);
        mvc.perform(post("/meal-points/rates").param("table", "MEAL").param("region", "").param("from", next)
                        .param("amount.OPERATING", "-1").with(as("admin")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("金额须为")));
        mvc.perform(get("/meal-points/rates").with(as("community"))).andExpect(status().isForbidden());
    }

    @Test
    void aSheetIsRecordedWholeOrNotAtAll() throws Exception {
        long point = register("表格测试食堂", "SC-2026-011", TestDates.today().plusYears(1));
        elder("11010519360101776X", "表格甲", "NONE", LocalDate.of(1936, 1, 1));
        elder("11010519650101777X", "表格乙", "NONE", LocalDate.of(1950, 1, 1));
        String bad = "身份证号,餐次,方式\n11010519360101776X,午餐,堂食\n11010519990101000X,午餐,送餐\n12345,午餐,\n11010519650101777X,夜宵,\n";
        MealImport.Report refused = upload(point, bad);
        assertThat(refused.written()).isFalse();
        assertThat(refused.problems()).extracting(MealImport.Problem::row, MealImport.Problem::reasonKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "meal.import.unknownElder"),
                org.assertj.core.groups.Tuple.tuple(4, "meal.import.badId"),
                org.assertj.core.groups.Tuple.tuple(5, "meal.import.badMeal"));
        assertThat(jdbc.sql("SELECT count(*) FROM meal WHERE meal_point_id = ?").param(point).query(Integer.class).single())
                .isZero();
        mvc.perform(get("/meal-points/{id}/meals", point).with(org.yinling.system.FlashInput.flash("importReport", refused)).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 4 行")));

        String good = "身份证号,餐次,方式\n11010519360101776X,午餐,堂食\n11010519650101777X,午餐,送餐\n";
        MealImport.Report written = upload(point, good);
        assertThat(written.recorded()).isEqualTo(2);
        assertThat(upload(point, good).skipped()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT string_agg(c.name_zh, ',' ORDER BY c.position) FROM meal m JOIN meal_category c ON c.id = m.category_id
                        WHERE m.meal_point_id = ?
                        """).param(point).query(String.class).single()).isEqualTo("80 周岁以上,60–79 周岁");
    }

    private MealImport.Report upload(long point, String csv) throws Exception {
        return (MealImport.Report) mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/meal-points/{id}/meals/import", point)
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "meals.csv", "text/csv",
                                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("day", TestDates.today().toString())
                        .with(as("community")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("importReport");
    }

    private long register(String name, String licence, LocalDate expires) throws Exception {
        String location = mvc.perform(post("/meal-points").with(as("district")).with(csrf()).param("name", name)
                        .param("kind", "CANTEEN").param("communityCode", LANTIAN).param("servesLunch", "true")
                        .param("licenceNumber", licence).param("licenceExpires", expires == null ? "" : expires.toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions record(long point, long elder, String meal, String mode) throws Exception {
        return mvc.perform(post("/meal-points/{id}/meals", point).param("elderId", Long.toString(elder))
                .param("meal", meal).param("mode", mode).with(as("community")).with(csrf()));
    }

    private long elder(String residentId, String name, String economicStatus, LocalDate birth) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', ?, TRUE, ?, 'ALONE', ?, 'test', 'test') RETURNING id
                        """)
                .params(residentId, name, birth, LANTIAN, economicStatus).query(Long.class).single();
    }

}
